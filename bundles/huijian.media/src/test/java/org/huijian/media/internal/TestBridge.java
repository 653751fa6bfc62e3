package org.huijian.media.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.media.internal.archive.MediaUnit;
import org.huijian.media.internal.archive.RecordingArchive;
import org.huijian.store.internal.TestDb;

/**
 * The media bridge outside OSGi on loopback, with its register of recordings on a real embedded Derby in
 * {@code dir/db} and its files in {@code dir/recordings}. Shared with the relay benchmark through the test-jar.
 */
public final class TestBridge implements AutoCloseable {
    public final Path recordings;
    public final DefaultMediaBridge bridge;
    public final RecordingArchive archive;
    private final TestDb db;
    private final EntityManagerFactory emf;
    private final int maxMeetings;

    private final boolean sharedPort;

    /** A bridge with every leg on one shared (ephemeral) UDP port, as a site runs it. */
    public TestBridge(Path dir, int maxMeetings) throws SQLException, IOException {
        this(dir, maxMeetings, true);
    }

    /** {@code sharedPort} false: each leg on a UDP port of its own. */
    public TestBridge(Path dir, int maxMeetings, boolean sharedPort) throws SQLException, IOException {
        this.recordings = dir.resolve("recordings");
        this.maxMeetings = maxMeetings;
        this.sharedPort = sharedPort;
        this.db = new TestDb(dir);
        this.emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-media", Map.of(
                "openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource,
                "openjpa.Log", "slf4j"));
        this.archive = new RecordingArchive(new MediaUnit(db.db, emf));
        this.bridge = new DefaultMediaBridge(config(recordings, maxMeetings, sharedPort), archive);
    }

    /** The bridge started again on the same database and files, as after a restart. */
    public DefaultMediaBridge restart() throws IOException {
        return new DefaultMediaBridge(config(recordings, maxMeetings, sharedPort), archive);
    }

    /** Loopback only, nothing unrecorded, every leg on one ephemeral port. */
    public static MediaConfig config(Path recordings, int maxMeetings) {
        return config(recordings, maxMeetings, true);
    }

    /** Loopback only, nothing unrecorded; {@code sharedPort}: every leg on one ephemeral port, else each on its own. */
    public static MediaConfig config(Path recordings, int maxMeetings, boolean sharedPort) {
        return new MediaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MediaConfig.class;
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public boolean sharedPort() {
                return sharedPort;
            }

            @Override
            public int port() {
                return 0;
            }

            @Override
            public String advertisedAddress() {
                return "127.0.0.1";
            }

            @Override
            public String recordingsDirectory() {
                return recordings.toString();
            }

            @Override
            public int maxMeetings() {
                return maxMeetings;
            }

            @Override
            public boolean unrecordedAllowed() {
                return false;
            }
        };
    }

    @Override
    public void close() {
        bridge.deactivate();
        emf.close();
        db.close();
    }
}
