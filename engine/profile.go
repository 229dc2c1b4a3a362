package engine

// A Profile is a server the engine can play: the default server of the
// RFCs ("rfc"), or a real library as its reference setup configures it.
// A profile is data over the engine's decision points: the value of every
// setting at the library's defaults, and the library's own check order and
// wording where they differ from the default server's. Settings changed
// after Config (a deep link's keys) are the application's configuration of
// the library.
type Profile struct {
	ID      string // the deep-link value of srv=, stable forever
	Title   string // e.g. "gorilla/websocket v1.5.3"
	Library string // e.g. "gorilla/websocket"
	Version string // e.g. "v1.5.3"
	// Setup is the reference setup the profile reproduces, one plain-text
	// sentence: the code a user would run.
	Setup string
}

// profiles lists every profile in the page's order.
var profiles = []*Profile{
	{ID: "rfc", Title: "RFC server", Library: "the RFCs", Setup: "The default server of this playground: every choice the RFCs leave open set as the Server settings show."},
	{ID: "gorilla", Title: "gorilla/websocket v1.5.3", Library: "gorilla/websocket", Version: "v1.5.3", Setup: "A net/http handler that calls Upgrader.Upgrade on every request."},
	{ID: "coder", Title: "coder/websocket v1.8.15", Library: "coder/websocket", Version: "v1.8.15", Setup: "A net/http handler that calls websocket.Accept on every request."},
	{ID: "ws", Title: "Node ws 8.23.1", Library: "ws", Version: "8.23.1", Setup: "new WebSocketServer({port}) on Node.js."},
	{ID: "websockets", Title: "python-websockets 10.4", Library: "websockets", Version: "10.4", Setup: "websockets.serve() as Debian 12 ships it."},
	{ID: "xnet-h2c", Title: "golang.org/x/net/http2/h2c", Library: "golang.org/x/net/http2/h2c", Setup: "h2c.NewHandler(a plain 200 handler, &http2.Server{}) on Go's net/http."},
	{ID: "nethttp", Title: "Go net/http", Library: "net/http", Setup: "A plain net/http handler answering 200, with no upgrade support."},
}

// Profiles returns every server profile, in the page's order ("rfc" first).
func Profiles() []*Profile { return profiles }

// LookupProfile returns the profile with the id, or nil. The empty id is
// the default server, "rfc".
func LookupProfile(id string) *Profile {
	if id == "" {
		id = "rfc"
	}
	for _, p := range profiles {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Config returns the server the profile plays: every setting at the
// library's defaults, and Config.Server set to the profile's id.
func (p *Profile) Config() Config {
	c := DefaultConfig()
	c.Server = p.ID
	return c
}
