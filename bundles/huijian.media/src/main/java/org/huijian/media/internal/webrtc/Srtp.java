package org.huijian.media.internal.webrtc;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final SrtpContextFactory in;
    private final SrtpContextFactory out;
    private final Map<Integer, SrtpCryptoContext> inRtp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtcpCryptoContext> inRtcp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtpCryptoContext> outRtp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtcpCryptoContext> outRtcp = new ConcurrentHashMap<>();

    Srtp(Dtls.Keys keys) {
        // SRTP_AES128_CM_HMAC_SHA1_80: AES-CM 128-bit key, HMAC-SHA1 with a 160-bit key and an 80-bit tag, 112-bit salt.
        SrtpPolicy policy = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, 14);
        in = new SrtpContextFactory(false, keys.clientKey(), keys.clientSalt(), policy, policy, LOGGER);
        out = new SrtpContextFactory(true, keys.serverKey(), keys.serverSalt(), policy, policy, LOGGER);
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

    /** Decrypts and authenticates an SRTP packet in place; false when it does not authenticate (or is replayed). */
    boolean unprotectRtp(Buf p) throws GeneralSecurityException {
        int ssrc = ssrc(p.buffer, p.offset + 8);
        SrtpCryptoContext c = inRtp.computeIfAbsent(ssrc, s -> derive(in, s));
        return c.reverseTransformPacket(p, false) == SrtpErrorStatus.OK;
    }

    boolean unprotectRtcp(Buf p) throws GeneralSecurityException {
        int ssrc = ssrc(p.buffer, p.offset + 4);
        SrtcpCryptoContext c = inRtcp.computeIfAbsent(ssrc, s -> deriveControl(in, s));
        return c.reverseTransformPacket(p) == SrtpErrorStatus.OK;
    }

    boolean protectRtp(Buf p) throws GeneralSecurityException {
        int ssrc = ssrc(p.buffer, p.offset + 8);
        return outRtp.computeIfAbsent(ssrc, s -> derive(out, s)).transformPacket(p) == SrtpErrorStatus.OK;
    }

    boolean protectRtcp(Buf p) throws GeneralSecurityException {
        int ssrc = ssrc(p.buffer, p.offset + 4);
        return outRtcp.computeIfAbsent(ssrc, s -> deriveControl(out, s)).transformPacket(p) == SrtpErrorStatus.OK;
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
