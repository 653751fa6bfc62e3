package org.huijian.documents.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link DocumentsConfig} with its defaults and the given keys changed, as Config Admin would give it. */
public final class TestConfig {
    private TestConfig() {
    }

    public static DocumentsConfig of(Map<String, Object> values) {
        return (DocumentsConfig) Proxy.newProxyInstance(DocumentsConfig.class.getClassLoader(),
                new Class<?>[] { DocumentsConfig.class }, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                    case "annotationType" -> DocumentsConfig.class;
                    case "toString" -> "DocumentsConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    /** A processor with these settings; close it after use. */
    public static DocumentService service(Map<String, Object> values) {
        return new DocumentService(of(values));
    }
}
