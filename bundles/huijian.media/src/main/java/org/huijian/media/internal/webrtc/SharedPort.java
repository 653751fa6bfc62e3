package org.huijian.media.internal.webrtc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP port for every leg (RFC 8445 allows a host candidate to be shared; Jitsi Videobridge does the same): a
 * datagram goes to the leg its sender was nominated for; a STUN check from an address no leg knows yet goes to the
 * leg whose ICE user fragment it names, which then takes that address (ICE-lite). Anything else is dropped and
 * counted here.
 *
 * <p>Why: one thread reads every leg's datagrams from one socket queue, so under load it runs without sleeping and
 * waking for each leg, where a thread per leg costs a wake-up and a context switch per burst; and a site opens one
 * UDP port in its firewall instead of a range. One port keeps one reader, so each leg's packets are handled in
 * order by one thread, as its SRTP replay window requires.
 */
public final class SharedPort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedPort.class);
    /** What the reader asks the kernel for (capped by {@code net.core.rmem_max}): ~3,000 full-size datagrams. */
    static final int RECEIVE_BUFFER = 8 << 20;

    private final DatagramChannel channel;
    private final int port;
    private final Map<String, Endpoint> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Endpoint> byRemote = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread reader;
    private volatile boolean closed;

    /** Listens on {@code address}:{@code port} ({@code 0}: an ephemeral port). */
    public SharedPort(InetAddress address, int port) throws IOException {
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        int granted = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        if (granted < RECEIVE_BUFFER) {
            LOG.info("UDP port {}: receive buffer {} KiB (asked {} KiB; raise net.core.rmem_max for more)", this.port,
                    granted / 1024, RECEIVE_BUFFER / 1024);
        }
        this.reader = new Thread(this::read, "huijian-media-port-" + this.port);
        reader.setDaemon(true);
        reader.start();
    }

    public int port() {
        return port;
    }

    DatagramChannel channel() {
        return channel;
    }

    /** Datagrams no leg would take: no leg for their sender, and not a STUN check naming a leg. */
    public long dropped() {
        return dropped.get();
    }

    /** How many legs are on this port. */
    public int legs() {
        return byUfrag.size();
    }

    void add(String ufrag, Endpoint e) {
        byUfrag.put(ufrag, e);
    }

    /** The leg's nominated address moved from {@code old} (may be null) to {@code now}. */
    void route(InetSocketAddress old, InetSocketAddress now, Endpoint e) {
        if (old != null && !old.equals(now)) {
            byRemote.remove(old, e);
        }
        byRemote.put(now, e);
    }

    void remove(String ufrag, InetSocketAddress remote, Endpoint e) {
        byUfrag.remove(ufrag, e);
        if (remote != null) {
            byRemote.remove(remote, e);
        }
    }

    private void read() {
        ByteBuffer in = ByteBuffer.allocateDirect(Endpoint.MAX_DATAGRAM);
        byte[] buf = new byte[Endpoint.ROOM];
        Srtp.Buf decrypting = new Srtp.Buf(buf, 0, 0);
        while (!closed) {
            InetSocketAddress from;
            try {
                from = Endpoint.receive(channel, in, buf);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("UDP port {}: receive failed: {}", port, e.toString());
                }
                return;
            }
            int len = in.limit();
            Endpoint leg = byRemote.get(from);
            if (leg == null) {
                leg = checkedLeg(buf, len);
            }
            if (leg == null) {
                dropped.incrementAndGet();
                continue;
            }
            leg.receive(buf, len, from, decrypting);
        }
    }

    /** The leg a STUN binding request names as {@code <our ufrag>:<theirs>}, or null. */
    private Endpoint checkedLeg(byte[] buf, int len) {
        if (len < 20 || (buf[0] & 0xff) >= 4) {
            return null;
        }
        try {
            String user = Stun.parse(buf, len).username();
            int colon = user == null ? -1 : user.indexOf(':');
            return colon < 0 ? null : byUfrag.get(user.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("UDP port {}: close: {}", port, e.toString());
        }
    }
}
