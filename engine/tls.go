package engine

// Upgrading to TLS within HTTP/1.1 (RFC 2817).

// TLSConfig is the TLS-upgrade part of the server.
type TLSConfig struct {
	// Offer makes the server accept "Upgrade: TLS/1.x" (RFC 2817 §3).
	Offer bool
}

func defaultTLSConfig() TLSConfig { return TLSConfig{} }

var (
	_ = defineBool("tls", "TLS", "Offer TLS upgrade", "RFC 2817 §3: switch the same connection to TLS. No browser implements it.", func(c *Config) *bool { return &c.TLS.Offer })
)
