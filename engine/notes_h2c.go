package engine

// Notes raised by h2c.go (RFC 7540 §3.2; RFC 9113 §3.1).

var (
	noteH2CDisabled = register(&Note{ID: "h2c-disabled", Category: H2C, Level: Info,
		Summary: "This server does not accept the h2c upgrade, so it ignores the offer.",
		Detail:  "RFC 9113 deprecated the h2c upgrade: \"the \\\"h2c\\\" upgrade token ... was never widely deployed\" ([RFC 9113 §3.1](rfc:9113#3.1)). Current servers ignore it and answer over HTTP/1.1.",
		Ref:     Ref{9113, "3.1"}})
	noteH2CSettingsCount = register(&Note{ID: "h2c-settings-count", Category: H2C, Level: Warn,
		Summary: "The request has {count} HTTP2-Settings fields instead of exactly one: no upgrade.",
		Detail:  "\"A server MUST NOT upgrade the connection to HTTP/2 if this header field is not present or if more than one is present\" ([RFC 7540 §3.2.1](rfc:7540#3.2.1)).",
		Ref:     Ref{7540, "3.2.1"}})
	noteH2CSettingsInvalid = register(&Note{ID: "h2c-settings-invalid", Category: H2C, Level: Warn,
		Summary: "HTTP2-Settings {value} is not base64url of a SETTINGS payload: no upgrade.",
		Detail:  "`HTTP2-Settings = token68`: the base64url encoding of a SETTINGS frame payload, with trailing `=` omitted ([RFC 7540 §3.2.1](rfc:7540#3.2.1)).",
		Ref:     Ref{7540, "3.2.1"}, Myth: "HTTP2-Settings is plain base64."})
)
