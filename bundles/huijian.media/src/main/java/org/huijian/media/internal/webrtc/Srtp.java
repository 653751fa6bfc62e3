package org.huijian.media.internal.webrtc;

import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP of one leg with jitsi-srtp, keyed from the DTLS handshake: what arrives is decrypted with the
 * browser's (client's) keys, what we send is encrypted with ours. One crypto context per SSRC and direction.
 */
final class Srtp {
    private static final LoggerImpl LOGGER = new LoggerImpl(Srtp.class.getName(), java.util.logging.Level.WARNING);
    private final SrtpProfile profile;
    private final SrtpContextFactory in;
    private final SrtpContextFactory out;
    private final Contexts<SrtpCryptoContext> inRtp;
    private final Contexts<SrtcpCryptoContext> inRtcp;
    private final Contexts<SrtpCryptoContext> outRtp;
    private final Contexts<SrtcpCryptoContext> outRtcp;

    Srtp(Dtls.Keys keys) {
        this.profile = keys.profile();
        SrtpPolicy policy = profile.policy();
        in = new SrtpContextFactory(false, keys.clientKey(), keys.clientSalt(), policy, policy, LOGGER);
        out = new SrtpContextFactory(true, keys.serverKey(), keys.serverSalt(), policy, policy, LOGGER);
        inRtp = new Contexts<>(s -> derive(in, s));
        inRtcp = new Contexts<>(s -> deriveControl(in, s));
        outRtp = new Contexts<>(s -> derive(out, s));
        outRtcp = new Contexts<>(s -> deriveControl(out, s));
    }

    /** The protection profile agreed in the DTLS handshake. */
    SrtpProfile profile() {
        return profile;
    }

    /** A datagram as a mutable buffer for jitsi-srtp. */
    static final class Buf implements ByteArrayBuffer {
        byte[] buffer;
        int offset;
        int length;

        Buf(byte[] buffer, int offset, int length) {
            this.buffer = buffer;
            this.offset = offset;
            this.length = length;
        }

        /** Points this (reused) buffer at another packet. */
        Buf set(byte[] buffer, int offset, int length) {
            this.buffer = buffer;
            this.offset = offset;
            this.length = length;
            return this;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOfRange(buffer, offset, offset + length);
        }

        @Override
        public byte[] getBuffer() {
            return buffer;
        }

        @Override
        public int getOffset() {
            return offset;
        }

        @Override
        public int getLength() {
            return length;
        }

        @Override
        public void setLength(int length) {
            this.length = length;
        }

        @Override
        public void setOffset(int offset) {
            this.offset = offset;
        }

        @Override
        public boolean isInvalid() {
            return false;
        }

        @Override
        public void readRegionToBuff(int off, int len, byte[] out) {
            System.arraycopy(buffer, offset + off, out, 0, len);
        }

        @Override
        public void grow(int howMuch) {
            if (offset + length + howMuch > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, offset + length + howMuch);
            }
        }

        @Override
        public void append(byte[] data, int len) {
            grow(len);
            System.arraycopy(data, 0, buffer, offset + length, len);
            length += len;
        }

        @Override
        public void shrink(int len) {
            length = Math.max(0, length - len);
        }
    }

    static int ssrc(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /**
     * The crypto contexts of one kind and direction by SSRC. A leg has a handful of SSRCs, looked up for every packet:
     * a linear scan of a small array of primitive keys, published copy-on-write, so the lookup neither boxes nor
     * locks. New SSRCs are added under the table's lock.
     */
    static final class Contexts<C> {
        private final java.util.function.IntFunction<C> derive;
        private volatile int[] ssrcs = new int[0];
        private volatile Object[] contexts = new Object[0];

        Contexts(java.util.function.IntFunction<C> derive) {
            this.derive = derive;
        }

        @SuppressWarnings("unchecked")
        C get(int ssrc) {
            Object[] c = contexts; // read first: the arrays are replaced ssrcs-after-contexts
            int[] s = ssrcs;
            for (int i = 0, n = Math.min(s.length, c.length); i < n; i++) {
                if (s[i] == ssrc) {
                    return (C) c[i];
                }
            }
            return add(ssrc);
        }

        @SuppressWarnings("unchecked")
        private synchronized C add(int ssrc) {
            int[] s = ssrcs;
            for (int i = 0; i < s.length; i++) {
                if (s[i] == ssrc) {
                    return (C) contexts[i];
                }
            }
            C made = derive.apply(ssrc);
            Object[] c = java.util.Arrays.copyOf(contexts, s.length + 1);
            c[s.length] = made;
            int[] t = java.util.Arrays.copyOf(s, s.length + 1);
            t[s.length] = ssrc;
            contexts = c;
            ssrcs = t;
            return made;
        }
    }

    /** Decrypts and authenticates an SRTP packet in place; false when it does not authenticate (or is replayed). */
    boolean unprotectRtp(Buf p) throws GeneralSecurityException {
        SrtpCryptoContext c = inRtp.get(ssrc(p.buffer, p.offset + 8));
        synchronized (c) {
            return c.reverseTransformPacket(p, false) == SrtpErrorStatus.OK;
        }
    }

    boolean unprotectRtcp(Buf p) throws GeneralSecurityException {
        SrtcpCryptoContext c = inRtcp.get(ssrc(p.buffer, p.offset + 4));
        synchronized (c) {
            return c.reverseTransformPacket(p) == SrtpErrorStatus.OK;
        }
    }

    /** Encrypts an RTP packet in place; the buffer grows (a copy) only when it lacks room for the 10-byte tag. */
    boolean protectRtp(Buf p) throws GeneralSecurityException {
        SrtpCryptoContext c = outRtp.get(ssrc(p.buffer, p.offset + 8));
        synchronized (c) { // a leg's outgoing streams are fed from more than one thread (relay, feedback, keyframes)
            return c.transformPacket(p) == SrtpErrorStatus.OK;
        }
    }

    boolean protectRtcp(Buf p) throws GeneralSecurityException {
        SrtcpCryptoContext c = outRtcp.get(ssrc(p.buffer, p.offset + 4));
        synchronized (c) {
            return c.transformPacket(p) == SrtpErrorStatus.OK;
        }
    }

    /**
     * Sets jitsi-srtp up before a leg needs it. On first use it tries to load its OpenSSL library and times each AES
     * provider, for AES-CTR (every profile's key derivation) and for AES-GCM: 1.5–2 s here, on the thread that
     * derives the first crypto context, which is the shared port's one thread relaying every meeting. Derives a
     * context of each profile with throw-away keys and protects one packet with it.
     */
    static void prepare() throws GeneralSecurityException {
        for (SrtpProfile profile : SrtpProfile.values()) {
            Srtp s = new Srtp(new Dtls.Keys(profile, new byte[SrtpProfile.KEY_LENGTH], new byte[SrtpProfile.KEY_LENGTH],
                    new byte[profile.saltLength], new byte[profile.saltLength]));
            try {
                byte[] packet = new byte[64];
                packet[0] = (byte) 0x80; // RTP version 2
                packet[1] = 96;
                if (!s.protectRtp(new Buf(packet, 0, 32))) {
                    throw new GeneralSecurityException("jitsi-srtp did not protect a packet with " + profile);
                }
            } finally {
                s.close();
            }
        }
    }

    private static SrtpCryptoContext derive(SrtpContextFactory f, int ssrc) {
        try {
            return f.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SrtcpCryptoContext deriveControl(SrtpContextFactory f, int ssrc) {
        try {
            return f.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        in.close();
        out.close();
    }
}
