package org.huijian.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Dictionary;
import java.util.Hashtable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate made at first start (real keytool), and a first start whose Pax Web configuration was replaced. */
class HttpsFilterTest {
    @TempDir
    Path etc;
    String before;

    static final WebConfig DEFAULTS = (WebConfig) java.lang.reflect.Proxy.newProxyInstance(
            WebConfig.class.getClassLoader(), new Class<?>[] { WebConfig.class }, (p, m, a) -> m.getDefaultValue());

    @BeforeEach
    void useTempEtc() {
        before = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", etc.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("karaf.etc");
        } else {
            System.setProperty("karaf.etc", before);
        }
    }

    @Test
    void aKeystoreWhoseConfigurationWasLostIsConfiguredAgain() throws Exception {
        Dictionary<String, Object> first = new Hashtable<>();
        HttpsFilter.generate(first, DEFAULTS);
        Path keystore = etc.resolve("keystores/huijian-tls.p12");
        assertEquals(keystore.toString(), first.get(HttpsFilter.KEYSTORE));
        assertEquals("true", first.get("org.osgi.service.http.secure.enabled"));
        String password = (String) first.get("org.ops4j.pax.web.ssl.keystore.password");
        assertTrue(opens(keystore, password), "the generated keystore opens with the configured password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                etc.resolve("keystores/huijian-tls.p12.password"))));

        Dictionary<String, Object> replaced = new Hashtable<>(); // Pax Web's file as it was before the first start
        HttpsFilter.generate(replaced, DEFAULTS);
        assertEquals(first, replaced, "the same keystore, configured the same way");
        assertTrue(opens(keystore, (String) replaced.get("org.ops4j.pax.web.ssl.keystore.password")));
    }

    @Test
    void aKeystoreThisSiteDidNotMakeIsNotTakenOver() throws Exception {
        Files.createDirectories(etc.resolve("keystores"));
        Files.write(etc.resolve("keystores/huijian-tls.p12"), new byte[] { 1, 2, 3 });
        IOException e = assertThrows(IOException.class, () -> HttpsFilter.generate(new Hashtable<>(), DEFAULTS));
        assertTrue(e.getMessage().contains("exists but is not configured"), e.getMessage());
    }

    static boolean opens(Path keystore, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        return ks.containsAlias("huijian");
    }
}
