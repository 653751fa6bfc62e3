package org.huijian.devices;

import java.time.Instant;

/**
 * A credential just issued: the only time its secret is seen. The site administrator enters it in the kiosk (or
 * scans it as a QR code) and it is never shown again.
 */
public record IssuedCredential(long terminalId, String terminalCode, String secret, Instant issuedAt) {
    @Override
    public String toString() {
        return "IssuedCredential[terminal " + terminalCode + ", issued " + issuedAt + "]"; // never the secret
    }
}
