package engine

import "strconv"

// HTTP/2 SETTINGS parameters (RFC 9113 §6.5.1, §6.5.2; RFC 8441 §3;
// RFC 9218 §2.1): the payload of a SETTINGS frame, and of HTTP2-Settings.

// An h2Setting is one (identifier, value) pair of a SETTINGS payload.
type h2Setting struct {
	ID    uint16
	Value uint32
}

// h2SettingNames are the registered settings the engine knows, by identifier.
var h2SettingNames = [...]string{
	1: "HEADER_TABLE_SIZE",
	2: "ENABLE_PUSH",
	3: "MAX_CONCURRENT_STREAMS",
	4: "INITIAL_WINDOW_SIZE",
	5: "MAX_FRAME_SIZE",
	6: "MAX_HEADER_LIST_SIZE",
	8: "ENABLE_CONNECT_PROTOCOL",
	9: "NO_RFC7540_PRIORITIES",
}

// h2 setting identifiers the engine uses.
const (
	h2HeaderTableSize      = 1
	h2EnablePush           = 2
	h2MaxConcurrentStreams = 3
	h2InitialWindowSize    = 4
	h2MaxFrameSize         = 5
	h2MaxHeaderListSize    = 6
	h2EnableConnect        = 8
	h2NoRFC7540Priorities  = 9
)

// name returns the setting's registered name, or "" for an unknown identifier.
func (s h2Setting) name() string {
	if int(s.ID) < len(h2SettingNames) {
		return h2SettingNames[s.ID]
	}
	return ""
}

// label is the setting's name and identifier, e.g. "MAX_FRAME_SIZE (0x5)".
func (s h2Setting) label() string {
	n := s.name()
	if n == "" {
		n = "unknown"
	}
	return n + " (0x" + strconv.FormatUint(uint64(s.ID), 16) + ")"
}

// problem returns why the value is invalid, and the HTTP/2 error code a
// receiver answers it with (RFC 9113 §6.5.2, RFC 8441 §3, RFC 9218 §2.1),
// or "" when it is valid.
func (s h2Setting) problem() (why string, code uint32) {
	switch s.ID {
	case h2EnablePush, h2EnableConnect, h2NoRFC7540Priorities:
		if s.Value > 1 {
			return "the value must be 0 or 1", h2ProtocolError
		}
	case h2InitialWindowSize:
		if s.Value > 1<<31-1 {
			return "the value is above the maximum flow-control window, 2^31-1", h2FlowControlError
		}
	case h2MaxFrameSize:
		if s.Value < 1<<14 || s.Value > 1<<24-1 {
			return "the value must be between 16384 (2^14) and 16777215 (2^24-1)", h2ProtocolError
		}
	}
	return "", 0
}

// parseH2Settings splits a SETTINGS payload into its settings; extra is the
// number of trailing bytes that do not make a whole setting (a payload whose
// length is not a multiple of 6 is a FRAME_SIZE_ERROR, RFC 9113 §6.5).
func parseH2Settings(p []byte) (list []h2Setting, extra int) {
	for len(p) >= 6 {
		list = append(list, h2Setting{uint16(p[0])<<8 | uint16(p[1]), uint32(p[2])<<24 | uint32(p[3])<<16 | uint32(p[4])<<8 | uint32(p[5])})
		p = p[6:]
	}
	return list, len(p)
}

// appendH2Settings writes settings as a SETTINGS payload.
func appendH2Settings(b []byte, list []h2Setting) []byte {
	for _, s := range list {
		b = append(b, byte(s.ID>>8), byte(s.ID), byte(s.Value>>24), byte(s.Value>>16), byte(s.Value>>8), byte(s.Value))
	}
	return b
}

// settingsVars lists the settings for a Part, one field per setting.
func settingsVars(list []h2Setting) []Var {
	var out []Var
	for _, s := range list {
		val := strconv.Itoa(int(s.Value))
		if why, _ := s.problem(); why != "" {
			val += " (invalid: " + why + ")"
		} else if s.name() == "" {
			val += " (ignored: unknown identifier)"
		}
		out = append(out, Var{s.label(), val})
	}
	return out
}

// settingsSummary is a one-line "NAME=value, ..." list.
func settingsSummary(list []h2Setting) string {
	if len(list) == 0 {
		return "none (every setting keeps its initial value)"
	}
	s := ""
	for i, x := range list {
		if i > 0 {
			s += ", "
		}
		n := x.name()
		if n == "" {
			n = "0x" + strconv.FormatUint(uint64(x.ID), 16)
		}
		s += n + "=" + strconv.Itoa(int(x.Value))
	}
	return s
}
