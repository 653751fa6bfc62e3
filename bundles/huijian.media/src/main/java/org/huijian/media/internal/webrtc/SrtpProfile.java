package org.huijian.media.internal.webrtc;

import org.bouncycastle.tls.SRTPProtectionProfile;
import org.jitsi.srtp.SrtpPolicy;

/**
 * The SRTP protection profiles the bridge accepts in the DTLS {@code use_srtp} extension, in its order of preference.
 * AES-GCM (RFC 7714) encrypts and authenticates in one pass with the processor's AES and carry-less multiply
 * instructions, where AES-CM with HMAC-SHA1 runs two: on the relay path, where every packet is decrypted once and
 * encrypted once per receiver, it is the cheaper of the two (bench README, media relay). Browsers offer both.
 */
enum SrtpProfile {
    AEAD_AES_128_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 12),
    AES128_CM_HMAC_SHA1_80(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, 14);

    /** Master key length of both profiles, bytes. */
    static final int KEY_LENGTH = 16;

    /** The profile's number in {@code use_srtp} ({@link SRTPProtectionProfile}). */
    final int id;
    /** Master salt length, bytes. */
    final int saltLength;

    SrtpProfile(int id, int saltLength) {
        this.id = id;
        this.saltLength = saltLength;
    }

    /** The first of ours the peer offered, or null when it offered none of them. */
    static SrtpProfile choose(int[] offered) {
        for (SrtpProfile p : values()) {
            for (int o : offered) {
                if (o == p.id) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The profile numbered {@code id}, or null. */
    static SrtpProfile of(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    /** Bytes of keying material to export (RFC 5764 4.2): both keys, then both salts. */
    int materialLength() {
        return 2 * (KEY_LENGTH + saltLength);
    }

    /** Splits exported keying material into the client's and server's keys and salts. */
    Dtls.Keys keys(byte[] m) {
        int k = KEY_LENGTH;
        return new Dtls.Keys(this, java.util.Arrays.copyOfRange(m, 0, k), java.util.Arrays.copyOfRange(m, k, 2 * k),
                java.util.Arrays.copyOfRange(m, 2 * k, 2 * k + saltLength),
                java.util.Arrays.copyOfRange(m, 2 * k + saltLength, 2 * k + 2 * saltLength));
    }

    SrtpPolicy policy() {
        return switch (this) {
            // AES-GCM, 128-bit key, 128-bit tag, 96-bit salt; no separate authentication.
            case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, KEY_LENGTH,
                    SrtpPolicy.NULL_AUTHENTICATION, 0, 16, saltLength);
            // AES-CM 128-bit key, HMAC-SHA1 with a 160-bit key and an 80-bit tag, 112-bit salt.
            case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, KEY_LENGTH,
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, saltLength);
        };
    }
}
