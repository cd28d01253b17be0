import CZeroMQ

extension SocketOption where Value == Int {
    /// `ZMQ_SNDHWM`: the most outbound messages queued per peer (0 = unlimited).
    public static var sendHighWaterMark: Self { .int32("ZMQ_SNDHWM", ZMQ_SNDHWM) }
    /// `ZMQ_RCVHWM`: the most inbound messages queued per peer (0 = unlimited).
    public static var receiveHighWaterMark: Self { .int32("ZMQ_RCVHWM", ZMQ_RCVHWM) }
    /// `ZMQ_LINGER` in milliseconds: how long closing flushes pending messages (-1 = forever).
    public static var linger: Self { .int32("ZMQ_LINGER", ZMQ_LINGER) }
    /// `ZMQ_MAXMSGSIZE` in bytes: a larger inbound message drops the peer (-1 = no limit).
    public static var maxMessageSize: Self { .int64("ZMQ_MAXMSGSIZE", ZMQ_MAXMSGSIZE) }
    /// `ZMQ_SNDTIMEO` in milliseconds for blocking sends (-1 = forever).
    public static var sendTimeout: Self { .int32("ZMQ_SNDTIMEO", ZMQ_SNDTIMEO) }
    /// `ZMQ_RCVTIMEO` in milliseconds for blocking receives (-1 = forever).
    public static var receiveTimeout: Self { .int32("ZMQ_RCVTIMEO", ZMQ_RCVTIMEO) }
    /// `ZMQ_HEARTBEAT_IVL` in milliseconds: send a ZMTP PING this often (0 = off).
    public static var heartbeatInterval: Self { .int32("ZMQ_HEARTBEAT_IVL", ZMQ_HEARTBEAT_IVL) }
    /// `ZMQ_HEARTBEAT_TIMEOUT` in milliseconds: drop the connection without traffic for this long.
    public static var heartbeatTimeout: Self { .int32("ZMQ_HEARTBEAT_TIMEOUT", ZMQ_HEARTBEAT_TIMEOUT) }
    /// `ZMQ_HEARTBEAT_TTL` in milliseconds (rounded to 100 ms): the timeout asked of the peer.
    public static var heartbeatTTL: Self { .int32("ZMQ_HEARTBEAT_TTL", ZMQ_HEARTBEAT_TTL) }
    /// `ZMQ_RECONNECT_IVL` in milliseconds (-1 = no reconnection).
    public static var reconnectInterval: Self { .int32("ZMQ_RECONNECT_IVL", ZMQ_RECONNECT_IVL) }
    /// `ZMQ_RECONNECT_IVL_MAX` in milliseconds: the back-off ceiling (0 = no back-off).
    public static var reconnectIntervalMax: Self { .int32("ZMQ_RECONNECT_IVL_MAX", ZMQ_RECONNECT_IVL_MAX) }
    /// `ZMQ_EVENTS` (read only): `ZMQ_POLLIN`/`ZMQ_POLLOUT` bits of what can be done now.
    public static var events: Self { .int32("ZMQ_EVENTS", ZMQ_EVENTS) }
    /// `ZMQ_MECHANISM` (read only): `ZMQ_NULL`, `ZMQ_PLAIN`, `ZMQ_CURVE` or `ZMQ_GSSAPI`.
    public static var mechanism: Self { .int32("ZMQ_MECHANISM", ZMQ_MECHANISM) }
}

extension SocketOption where Value == Bool {
    /// `ZMQ_ROUTER_MANDATORY`: a ROUTER fails with `EHOSTUNREACH` instead of dropping
    /// messages for unknown routing ids (write only).
    public static var routerMandatory: Self { .bool("ZMQ_ROUTER_MANDATORY", ZMQ_ROUTER_MANDATORY) }
    /// `ZMQ_IMMEDIATE`: queue messages only to completed connections.
    public static var immediate: Self { .bool("ZMQ_IMMEDIATE", ZMQ_IMMEDIATE) }
    /// `ZMQ_CURVE_SERVER`: this socket is the CURVE server (needs ``curveSecretKey``).
    public static var curveServer: Self { .bool("ZMQ_CURVE_SERVER", ZMQ_CURVE_SERVER) }
    /// `ZMQ_IPV6`: allow IPv6 on TCP endpoints.
    public static var ipv6: Self { .bool("ZMQ_IPV6", ZMQ_IPV6) }
}

extension SocketOption where Value == [UInt8] {
    /// `ZMQ_ROUTING_ID`: this socket's routing id as seen by a ROUTER peer (1-255 bytes,
    /// not starting with 0). Set it before connecting.
    public static var routingId: Self { .bytes("ZMQ_ROUTING_ID", ZMQ_ROUTING_ID) }
}

extension SocketOption where Value == String {
    /// `ZMQ_ZAP_DOMAIN`: the domain passed to the ZAP handler.
    public static var zapDomain: Self { .string("ZMQ_ZAP_DOMAIN", ZMQ_ZAP_DOMAIN) }
    /// `ZMQ_LAST_ENDPOINT` (read only): the endpoint last bound, with the real port.
    public static var lastEndpoint: Self { .string("ZMQ_LAST_ENDPOINT", ZMQ_LAST_ENDPOINT) }
}

extension SocketOption where Value == CurveKey {
    /// `ZMQ_CURVE_PUBLICKEY`: this socket's long-term public key (clients).
    public static var curvePublicKey: Self { .curveKey("ZMQ_CURVE_PUBLICKEY", ZMQ_CURVE_PUBLICKEY) }
    /// `ZMQ_CURVE_SECRETKEY`: this socket's long-term secret key (clients and servers).
    public static var curveSecretKey: Self { .curveKey("ZMQ_CURVE_SECRETKEY", ZMQ_CURVE_SECRETKEY) }
    /// `ZMQ_CURVE_SERVERKEY`: the server's public key (clients).
    public static var curveServerKey: Self { .curveKey("ZMQ_CURVE_SERVERKEY", ZMQ_CURVE_SERVERKEY) }
}
