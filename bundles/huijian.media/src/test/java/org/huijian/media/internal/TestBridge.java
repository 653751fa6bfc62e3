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

    public TestBridge(Path dir, int maxMeetings) throws SQLException, IOException {
        this.recordings = dir.resolve("recordings");
        this.maxMeetings = maxMeetings;
        this.db = new TestDb(dir);
        this.emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-media", Map.of(
                "openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource,
                "openjpa.Log", "slf4j"));
        this.archive = new RecordingArchive(new MediaUnit(db.db, emf));
        this.bridge = new DefaultMediaBridge(config(recordings, maxMeetings), archive);
    }

    /** The bridge started again on the same database and files, as after a restart. */
    public DefaultMediaBridge restart() throws IOException {
        return new DefaultMediaBridge(config(recordings, maxMeetings), archive);
    }

    /** Loopback only, nothing unrecorded. */
    public static MediaConfig config(Path recordings, int maxMeetings) {
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
