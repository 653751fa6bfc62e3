package org.huijian.media.internal.webrtc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The part of STUN (RFC 5389) an ICE-lite endpoint (RFC 8445 §2.5) needs: read a Binding request, check its
 * MESSAGE-INTEGRITY (HMAC-SHA1 keyed with our ICE password) and FINGERPRINT, and answer it with a Binding success
 * response carrying XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT. A lite endpoint never sends requests of
 * its own: the browser checks connectivity, we answer.
 */
final class Stun {
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int BINDING_INDICATION = 0x0011;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int HEADER = 20;

    static final int USERNAME = 0x0006;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int PRIORITY = 0x0024;
    static final int USE_CANDIDATE = 0x0025;
    static final int FINGERPRINT = 0x8028;
    static final int ICE_CONTROLLED = 0x8029;
    static final int ICE_CONTROLLING = 0x802A;
    private static final int FINGERPRINT_XOR = 0x5354554e;

    /**
     * A parsed message.
     *
     * @param integrityAt where the MESSAGE-INTEGRITY attribute starts, or -1
     */
    record Message(int type, byte[] transaction, String username, boolean useCandidate, boolean controlling,
            int integrityAt, byte[] integrity, byte[] raw) {
    }

    private Stun() {
    }

    /** Whether a datagram looks like STUN (RFC 7983: first byte 0–3, and the magic cookie). */
    static boolean looksLike(byte[] b, int len) {
        return len >= HEADER && (b[0] & 0xff) < 4 && ByteBuffer.wrap(b, 4, 4).getInt() == MAGIC_COOKIE;
    }

    /** Reads a message, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    static Message parse(byte[] b, int len) {
        if (!looksLike(b, len)) {
            throw new IllegalArgumentException("not STUN");
        }
        ByteBuffer in = ByteBuffer.wrap(b, 0, len);
        int type = in.getShort() & 0xffff;
        int length = in.getShort() & 0xffff;
        if (length % 4 != 0 || HEADER + length != len) {
            throw new IllegalArgumentException("STUN length " + length + " does not match the datagram (" + len + ")");
        }
        in.getInt();
        byte[] transaction = new byte[12];
        in.get(transaction);
        String username = null;
        boolean useCandidate = false;
        boolean controlling = false;
        int integrityAt = -1;
        byte[] integrity = null;
        boolean fingerprinted = false;
        while (in.remaining() >= 4) {
            int at = in.position();
            int attr = in.getShort() & 0xffff;
            int alen = in.getShort() & 0xffff;
            if (alen > in.remaining()) {
                throw new IllegalArgumentException("STUN attribute 0x" + Integer.toHexString(attr) + " runs past the end");
            }
            byte[] value = new byte[alen];
            in.get(value);
            in.position(in.position() + ((4 - alen % 4) % 4));
            if (fingerprinted) {
                throw new IllegalArgumentException("STUN attribute after FINGERPRINT");
            }
            switch (attr) {
            case USERNAME -> username = new String(value, StandardCharsets.UTF_8);
            case USE_CANDIDATE -> useCandidate = true;
            case ICE_CONTROLLING -> controlling = true;
            case MESSAGE_INTEGRITY -> {
                if (alen != 20) {
                    throw new IllegalArgumentException("MESSAGE-INTEGRITY of " + alen + " bytes");
                }
                integrityAt = at;
                integrity = value;
            }
            case FINGERPRINT -> {
                if (alen != 4 || ByteBuffer.wrap(value).getInt() != fingerprint(b, at)) {
                    throw new IllegalArgumentException("STUN FINGERPRINT does not match");
                }
                fingerprinted = true;
            }
            default -> {
                // PRIORITY, ICE-CONTROLLED, GOOG-* and others: not needed by a lite endpoint
            }
            }
        }
        return new Message(type, transaction, username, useCandidate, controlling, integrityAt, integrity,
                Arrays.copyOf(b, len));
    }

    /** Whether the message's MESSAGE-INTEGRITY was made with this key (our ICE password). */
    static boolean integrityOk(Message m, String password) {
        if (m.integrityAt() < 0) {
            return false;
        }
        byte[] covered = Arrays.copyOf(m.raw(), m.integrityAt());
        // The length field covers up to and including MESSAGE-INTEGRITY.
        int length = m.integrityAt() + 24 - HEADER;
        covered[2] = (byte) (length >> 8);
        covered[3] = (byte) length;
        return MessageDigest.isEqual(hmac(covered, password), m.integrity());
    }

    /** The success response to a Binding request from {@code from}, signed with our password. */
    static byte[] success(Message request, InetSocketAddress from, String password) {
        byte[] ip = from.getAddress().getAddress();
        ByteBuffer out = ByteBuffer.allocate(HEADER + 4 + 4 + ip.length + 24 + 8);
        out.putShort((short) BINDING_SUCCESS).putShort((short) 0).putInt(MAGIC_COOKIE).put(request.transaction());
        out.putShort((short) XOR_MAPPED_ADDRESS).putShort((short) (4 + ip.length));
        out.put((byte) 0).put((byte) (ip.length == 4 ? 1 : 2));
        out.putShort((short) (from.getPort() ^ (MAGIC_COOKIE >>> 16)));
        byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(request.transaction()).array();
        for (int i = 0; i < ip.length; i++) {
            out.put((byte) (ip[i] ^ mask[i]));
        }
        int beforeIntegrity = out.position();
        out.putShort(2, (short) (beforeIntegrity + 24 - HEADER));
        byte[] mac = hmac(Arrays.copyOf(out.array(), beforeIntegrity), password);
        out.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(mac);
        int beforeFingerprint = out.position();
        out.putShort(2, (short) (beforeFingerprint + 8 - HEADER));
        byte[] soFar = out.array();
        out.putShort((short) FINGERPRINT).putShort((short) 4).putInt(fingerprint(soFar, beforeFingerprint));
        return out.array();
    }

    /** A Binding request as a browser sends it (for tests and for probing): USERNAME, ICE-CONTROLLING, integrity. */
    static byte[] request(byte[] transaction, String username, String password, boolean useCandidate) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        int userPadded = (user.length + 3) / 4 * 4;
        ByteBuffer out = ByteBuffer.allocate(HEADER + 4 + userPadded + 12 + (useCandidate ? 4 : 0) + 8 + 24 + 8);
        out.putShort((short) BINDING_REQUEST).putShort((short) 0).putInt(MAGIC_COOKIE).put(transaction);
        out.putShort((short) USERNAME).putShort((short) user.length).put(user);
        out.position(out.position() + userPadded - user.length);
        out.putShort((short) ICE_CONTROLLING).putShort((short) 8).putLong(0x1234_5678_9abc_def0L);
        if (useCandidate) {
            out.putShort((short) USE_CANDIDATE).putShort((short) 0);
        }
        out.putShort((short) PRIORITY).putShort((short) 4).putInt(0x6e0001ff);
        int beforeIntegrity = out.position();
        out.putShort(2, (short) (beforeIntegrity + 24 - HEADER));
        byte[] mac = hmac(Arrays.copyOf(out.array(), beforeIntegrity), password);
        out.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(mac);
        int beforeFingerprint = out.position();
        out.putShort(2, (short) (beforeFingerprint + 8 - HEADER));
        out.putShort((short) FINGERPRINT).putShort((short) 4).putInt(fingerprint(out.array(), beforeFingerprint));
        return out.array();
    }

    /** The address a success response maps us to. */
    static InetSocketAddress mappedAddress(byte[] b, int len) {
        ByteBuffer in = ByteBuffer.wrap(b, HEADER, len - HEADER);
        while (in.remaining() >= 4) {
            int attr = in.getShort() & 0xffff;
            int alen = in.getShort() & 0xffff;
            int next = in.position() + alen + ((4 - alen % 4) % 4);
            if (attr == XOR_MAPPED_ADDRESS) {
                in.get();
                int family = in.get();
                int port = (in.getShort() & 0xffff) ^ (MAGIC_COOKIE >>> 16);
                byte[] ip = new byte[family == 1 ? 4 : 16];
                in.get(ip);
                byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(b, 8, 12).array();
                for (int i = 0; i < ip.length; i++) {
                    ip[i] ^= mask[i];
                }
                try {
                    return new InetSocketAddress(InetAddress.getByAddress(ip), port);
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            in.position(next);
        }
        return null;
    }

    static byte[] hmac(byte[] data, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static int fingerprint(byte[] b, int upTo) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, upTo);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }
}
