package org.huijian.driver.ipp.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPP/1.1 binary encoding (RFC 8010 §3): just what a client needs to build requests and read responses. Values
 * are kept as Java objects: {@code Integer} for integer and enum, {@code Boolean} for boolean, {@code String} for the
 * character-string types (text and name with language keep their text only), {@code byte[]} for anything else.
 */
final class Ipp {
    private Ipp() {
    }

    // Operations (RFC 8011 §5.4.15)
    static final int PRINT_JOB = 0x0002;
    static final int GET_JOB_ATTRIBUTES = 0x0009;
    static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    // Delimiter tags (RFC 8010 §3.5.1)
    static final int OPERATION_ATTRIBUTES = 0x01;
    static final int JOB_ATTRIBUTES = 0x02;
    static final int END_OF_ATTRIBUTES = 0x03;
    static final int PRINTER_ATTRIBUTES = 0x04;
    static final int UNSUPPORTED_ATTRIBUTES = 0x05;

    // Value tags (RFC 8010 §3.5.2)
    static final int INTEGER = 0x21;
    static final int BOOLEAN = 0x22;
    static final int ENUM = 0x23;
    static final int BEG_COLLECTION = 0x34;
    static final int TEXT_WITH_LANGUAGE = 0x35;
    static final int NAME_WITH_LANGUAGE = 0x36;
    static final int END_COLLECTION = 0x37;
    static final int TEXT = 0x41;
    static final int NAME = 0x42;
    static final int KEYWORD = 0x44;
    static final int URI = 0x45;
    static final int CHARSET = 0x47;
    static final int NATURAL_LANGUAGE = 0x48;
    static final int MIME_MEDIA_TYPE = 0x49;
    static final int EXTENSION = 0x7F;

    /** One attribute: its group, name, value tag and values (more than one for a 1setOf). */
    record Attribute(int group, String name, int tag, List<Object> values) {
        Object value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** A request or response: version, operation id or status code, request id, attributes, then document data. */
    record Message(int version, int code, int requestId, List<Attribute> attributes) {

        Optional<Attribute> find(int group, String name) {
            return attributes.stream().filter(a -> a.group() == group && a.name().equals(name)).findFirst();
        }

        Optional<Integer> integer(int group, String name) {
            return find(group, name).map(Attribute::value).filter(Integer.class::isInstance).map(Integer.class::cast);
        }

        Optional<Boolean> bool(int group, String name) {
            return find(group, name).map(Attribute::value).filter(Boolean.class::isInstance).map(Boolean.class::cast);
        }

        Optional<String> string(int group, String name) {
            return find(group, name).map(Attribute::value).filter(String.class::isInstance).map(String.class::cast);
        }

        List<String> strings(int group, String name) {
            return find(group, name).map(a -> a.values().stream().filter(String.class::isInstance)
                    .map(String.class::cast).toList()).orElse(List.of());
        }
    }

    /** Builds a request message; attributes are written in the order added, groups as they change. */
    static final class Request {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int group = -1;

        Request(int operation, int requestId) {
            out.write(1); // IPP/1.1
            out.write(1);
            short16(operation);
            int32(requestId);
            group(OPERATION_ATTRIBUTES);
            string(CHARSET, "attributes-charset", "utf-8");
            string(NATURAL_LANGUAGE, "attributes-natural-language", "en");
        }

        Request group(int tag) {
            if (tag != group) {
                out.write(tag);
                group = tag;
            }
            return this;
        }

        Request string(int tag, String name, String... values) {
            for (int i = 0; i < values.length; i++) {
                out.write(tag);
                bytes(i == 0 ? name.getBytes(StandardCharsets.UTF_8) : new byte[0]);
                byte[] value = values[i].getBytes(StandardCharsets.UTF_8);
                if (value.length > Short.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " is too long for IPP");
                }
                bytes(value);
            }
            return this;
        }

        Request integer(int tag, String name, int value) {
            out.write(tag);
            bytes(name.getBytes(StandardCharsets.UTF_8));
            short16(4);
            int32(value);
            return this;
        }

        /** The encoded attributes followed by end-of-attributes; document data goes after these bytes. */
        byte[] encode() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream(out.size() + 1);
            copy.writeBytes(out.toByteArray());
            copy.write(END_OF_ATTRIBUTES);
            return copy.toByteArray();
        }

        private void bytes(byte[] b) {
            short16(b.length);
            out.writeBytes(b);
        }

        private void short16(int v) {
            out.write(v >>> 8 & 0xff);
            out.write(v & 0xff);
        }

        private void int32(int v) {
            short16(v >>> 16);
            short16(v & 0xffff);
        }
    }

    /** Reads a message (request or response) up to and including end-of-attributes. */
    static Message decode(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int major = data.readUnsignedByte();
        int minor = data.readUnsignedByte();
        int code = data.readUnsignedShort();
        int requestId = data.readInt();
        List<Attribute> attributes = new ArrayList<>();
        int group = -1;
        int collectionDepth = 0;
        Attribute current = null;
        while (true) {
            int tag = data.readUnsignedByte();
            if (tag == END_OF_ATTRIBUTES) {
                break;
            }
            if (tag < 0x10) { // another delimiter: a new group begins
                group = tag;
                current = null;
                continue;
            }
            if (tag == EXTENSION) {
                throw new IOException("IPP extension tag 0x7F is not supported");
            }
            String name = new String(read(data, data.readUnsignedShort()), StandardCharsets.UTF_8);
            byte[] raw = read(data, data.readUnsignedShort());
            if (group < 0) {
                throw new IOException("IPP attribute " + name + " outside any group");
            }
            // Collections (RFC 8010 §3.1.6) are skipped whole: this driver asks for none.
            if (tag == BEG_COLLECTION) {
                if (collectionDepth++ == 0 && !name.isEmpty()) {
                    current = null;
                }
                continue;
            }
            if (tag == END_COLLECTION) {
                collectionDepth = Math.max(0, collectionDepth - 1);
                continue;
            }
            if (collectionDepth > 0) {
                continue;
            }
            Object value = value(tag, raw);
            if (name.isEmpty()) {
                if (current != null) {
                    current.values().add(value);
                }
                continue;
            }
            List<Object> values = new ArrayList<>();
            values.add(value);
            current = new Attribute(group, name, tag, values);
            attributes.add(current);
        }
        return new Message(major << 8 | minor, code, requestId, List.copyOf(attributes));
    }

    private static Object value(int tag, byte[] raw) throws IOException {
        if (tag < 0x20) { // out-of-band: unsupported, unknown, no-value
            return null;
        }
        switch (tag) {
            case INTEGER, ENUM -> {
                if (raw.length != 4) {
                    throw new IOException("IPP integer of " + raw.length + " bytes");
                }
                return (raw[0] & 0xff) << 24 | (raw[1] & 0xff) << 16 | (raw[2] & 0xff) << 8 | raw[3] & 0xff;
            }
            case BOOLEAN -> {
                return raw.length == 1 && raw[0] != 0;
            }
            case TEXT_WITH_LANGUAGE, NAME_WITH_LANGUAGE -> {
                if (raw.length < 4) {
                    throw new IOException("IPP text with language too short");
                }
                int langLength = (raw[0] & 0xff) << 8 | raw[1] & 0xff;
                int at = 2 + langLength;
                int textLength = (raw[at] & 0xff) << 8 | raw[at + 1] & 0xff;
                return new String(raw, at + 2, textLength, StandardCharsets.UTF_8);
            }
            default -> {
                if (tag >= 0x40 && tag <= 0x5F) { // character-string types
                    return new String(raw, StandardCharsets.UTF_8);
                }
                return raw;
            }
        }
    }

    private static byte[] read(DataInputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException("IPP message ends in the middle of an attribute", e);
        }
        return b;
    }

    /** Status code names (RFC 8011 §B, CUPS's additions for the ones it sends). */
    private static final Map<Integer, String> STATUS = Map.ofEntries(
            Map.entry(0x0000, "successful-ok"),
            Map.entry(0x0001, "successful-ok-ignored-or-substituted-attributes"),
            Map.entry(0x0002, "successful-ok-conflicting-attributes"),
            Map.entry(0x0400, "client-error-bad-request"),
            Map.entry(0x0401, "client-error-forbidden"),
            Map.entry(0x0402, "client-error-not-authenticated"),
            Map.entry(0x0403, "client-error-not-authorized"),
            Map.entry(0x0404, "client-error-not-possible"),
            Map.entry(0x0405, "client-error-timeout"),
            Map.entry(0x0406, "client-error-not-found"),
            Map.entry(0x0407, "client-error-gone"),
            Map.entry(0x0408, "client-error-request-entity-too-large"),
            Map.entry(0x0409, "client-error-request-value-too-long"),
            Map.entry(0x040A, "client-error-document-format-not-supported"),
            Map.entry(0x040B, "client-error-attributes-or-values-not-supported"),
            Map.entry(0x040C, "client-error-uri-scheme-not-supported"),
            Map.entry(0x040D, "client-error-charset-not-supported"),
            Map.entry(0x040E, "client-error-conflicting-attributes"),
            Map.entry(0x040F, "client-error-compression-not-supported"),
            Map.entry(0x0410, "client-error-compression-error"),
            Map.entry(0x0411, "client-error-document-format-error"),
            Map.entry(0x0412, "client-error-document-access-error"),
            Map.entry(0x0500, "server-error-internal-error"),
            Map.entry(0x0501, "server-error-operation-not-supported"),
            Map.entry(0x0502, "server-error-service-unavailable"),
            Map.entry(0x0503, "server-error-version-not-supported"),
            Map.entry(0x0504, "server-error-device-error"),
            Map.entry(0x0505, "server-error-temporary-error"),
            Map.entry(0x0506, "server-error-not-accepting-jobs"),
            Map.entry(0x0507, "server-error-busy"),
            Map.entry(0x0508, "server-error-job-canceled"),
            Map.entry(0x0509, "server-error-multiple-document-jobs-not-supported"));

    /** The name of a status code, e.g. {@code client-error-not-found}, or its hex value when unknown. */
    static String statusName(int code) {
        return STATUS.getOrDefault(code, String.format("status-0x%04x", code));
    }

    static boolean successful(int code) {
        return code < 0x0100;
    }
}
