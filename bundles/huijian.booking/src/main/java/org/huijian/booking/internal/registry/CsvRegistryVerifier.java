package org.huijian.booking.internal.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huijian.booking.spi.QualificationVerifier;
import org.huijian.directory.LawFirm;
import org.huijian.directory.Lawyer;
import org.huijian.store.csv.CsvReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks licences against a registry file a bar association publishes (or the site exports from one): CSV with a
 * heading row — {@code licenceNo,name,lawFirm,status} or 执业证号,姓名,律师事务所,执业状态 — in UTF-8 or GB18030.
 * Kept in memory and read again when the file changes. A licence the file does not know is left to the next
 * verifier or an approver; a row that cannot be read is skipped with a warning naming its line.
 */
@Component(service = QualificationVerifier.class, configurationPid = CsvRegistryVerifier.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CsvRegistryVerifier.Config.class)
public class CsvRegistryVerifier implements QualificationVerifier {
    static final String PID = "org.huijian.booking.registry.csv";
    private static final Logger LOG = LoggerFactory.getLogger(CsvRegistryVerifier.class);
    private static final Map<String, String> HEADINGS = Map.of("licenceno", "licenceNo", "执业证号", "licenceNo",
            "name", "name", "姓名", "name", "lawfirm", "lawFirm", "律师事务所", "lawFirm", "执业机构", "lawFirm",
            "status", "status", "执业状态", "status");

    @ObjectClassDefinition(name = "Huijian lawyer registry (CSV)", description = "Licences checked against a registry file")
    public @interface Config {
        @AttributeDefinition(description = "The registry file (CSV, UTF-8 or GB18030)")
        String file() default "${karaf.etc}/lawyer-registry.csv";

        @AttributeDefinition(description = "Seconds between checks whether the file changed")
        int recheckSeconds() default 30;

        @AttributeDefinition(name = "service.ranking", description = "Asked before verifiers of lower ranking")
        int service_ranking() default 100;
    }

    private final Path file;
    private final long recheckMillis;
    private volatile Map<String, Entry> entries = Map.of();
    private volatile FileTime loadedVersion;
    private volatile long checkedAt;

    @Activate
    public CsvRegistryVerifier(Config config) {
        this(Path.of(config.file().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"))),
                config.recheckSeconds() * 1000L);
    }

    CsvRegistryVerifier(Path file, long recheckMillis) {
        this.file = file;
        this.recheckMillis = recheckMillis;
        refresh(true);
    }

    @Override
    public String name() {
        return "csv-registry";
    }

    @Override
    public Verdict check(Lawyer lawyer, LawFirm firm) {
        refresh(false);
        Entry e = entries.get(lawyer.licenceNo());
        return e == null ? new Verdict(Decision.UNKNOWN, "csv-registry: licence " + lawyer.licenceNo() + " is not in "
                + file.getFileName()) : e.judge(lawyer, firm, "csv-registry");
    }

    int size() {
        return entries.size();
    }

    /** Reads the file again if it changed (at most every {@code recheckMillis}). */
    private synchronized void refresh(boolean now) {
        long t = System.currentTimeMillis();
        if (!now && t - checkedAt < recheckMillis) {
            return;
        }
        checkedAt = t;
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion)) {
                return;
            }
            entries = parse(decode(Files.readAllBytes(file)));
            loadedVersion = version;
            LOG.info("Lawyer registry {}: {} licences", file, entries.size());
        } catch (IOException e) {
            LOG.warn("Lawyer registry {} cannot be read ({}); keeping the {} licences read before", file, e.toString(),
                    entries.size());
        }
    }

    Map<String, Entry> parse(String text) {
        CsvReader reader = new CsvReader(text);
        CsvReader.Record heading = reader.next();
        if (heading == null) {
            return Map.of();
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < heading.fields().size(); i++) {
            String key = HEADINGS.get(heading.fields().get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
            if (key != null) {
                column.put(key, i);
            }
        }
        if (!column.keySet().containsAll(List.of("licenceNo", "name", "status"))) {
            LOG.warn("Lawyer registry {}: the heading row needs licenceNo, name and status (执业证号, 姓名, 执业状态); "
                    + "it has {}", file, heading.fields());
            return Map.of();
        }
        Map<String, Entry> out = new HashMap<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            if (r.blank()) {
                continue;
            }
            String licence = field(r, column.get("licenceNo"));
            String name = field(r, column.get("name"));
            String status = field(r, column.get("status"));
            if (r.problem() != null || !licence.matches("\\d{17}") || name.isEmpty() || status.isEmpty()) {
                LOG.warn("Lawyer registry {} line {}: skipped ({})", file, r.line(), r.problem() != null ? r.problem()
                        : !licence.matches("\\d{17}") ? "licence number must be 17 digits, is '" + licence + "'"
                                : "name and status are required");
                continue;
            }
            out.put(licence, new Entry(licence, name, column.containsKey("lawFirm") ? field(r, column.get("lawFirm"))
                    : "", status));
        }
        return Map.copyOf(out);
    }

    private static String field(CsvReader.Record r, Integer index) {
        return index == null || index >= r.fields().size() ? "" : r.fields().get(index).strip();
    }

    /** UTF-8 (with or without a byte-order mark) when the bytes are UTF-8, else GB18030 (Excel on Chinese Windows). */
    static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
