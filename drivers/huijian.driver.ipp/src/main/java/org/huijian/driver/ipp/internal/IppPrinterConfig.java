package org.huijian.driver.ipp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One IPP printer per factory configuration ({@code etc/org.huijian.driver.ipp-NAME.cfg}). */
@ObjectClassDefinition(name = "Huijian IPP printer",
        description = "A printer or CUPS queue reached over IPP/1.1 (ipp://host:631/printers/NAME)")
public @interface IppPrinterConfig {
    String FACTORY_PID = "org.huijian.driver.ipp";

    @AttributeDefinition(description = "Id of the printer, unique on the server (e.g. GZ-TH-P01-print)")
    String id();

    @AttributeDefinition(description = "Name shown to people, e.g. 会见室1 打印机; empty: the id")
    String displayName() default "";

    @AttributeDefinition(description = "The printer's IPP URI, e.g. ipp://cups.example:631/printers/room1 "
            + "(ipps:// for IPP over TLS with the JVM's trust store; http:// and https:// are taken as well)")
    String uri();

    @AttributeDefinition(description = "Code of the terminal the printer stands beside (e.g. GZ-TH-P01-L); "
            + "empty: shared by the whole centre")
    String terminal() default "";

    @AttributeDefinition(description = "Milliseconds to wait for the TCP (and TLS) connection")
    int connectTimeoutMillis() default 3000;

    @AttributeDefinition(description = "Milliseconds to wait for the printer's answer to one request "
            + "(including the upload of the document)")
    int requestTimeoutMillis() default 30000;

    @AttributeDefinition(description = "requesting-user-name sent with every request; empty: the account that "
            + "asked for the print (PrintDocument.requestedBy), or huijian for status queries")
    String userName() default "";

    @AttributeDefinition(description = "Media types this driver sends (comma-separated); other documents are "
            + "refused before any network traffic with reason unsupported-format")
    String formats() default "application/pdf";
}
