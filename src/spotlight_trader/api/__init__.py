"""HTTP surface: REST, Server-Sent Events, static web client."""
