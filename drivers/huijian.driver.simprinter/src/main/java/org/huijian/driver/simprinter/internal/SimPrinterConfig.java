package org.huijian.driver.simprinter.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated printer per factory configuration ({@code etc/org.huijian.driver.simprinter-NAME.cfg}). */
@ObjectClassDefinition(name = "Huijian simulated printer",
        description = "A printer for demos and tests: each job's document is written to a folder with a JSON record")
public @interface SimPrinterConfig {
    String FACTORY_PID = "org.huijian.driver.simprinter";

    @AttributeDefinition(description = "Id of the printer, unique on the server (e.g. GZ-TH-P01-print)")
    String id();

    @AttributeDefinition(description = "Name shown to people, e.g. 会见室1 打印机（模拟）; empty: the id")
    String displayName() default "";

    @AttributeDefinition(description = "Code of the terminal the printer stands beside (e.g. GZ-TH-P01-L); "
            + "empty: shared by the whole centre")
    String terminal() default "";

    @AttributeDefinition(description = "Folder the printed documents and their JSON records go to; empty for "
            + "${karaf.data}/huijian/simprinter/<id>")
    String folder() default "";

    @AttributeDefinition(description = "Milliseconds a job stays processing before it is completed, as a real "
            + "printer's would")
    int printMillis() default 2000;

    @AttributeDefinition(description = "Whether the printer takes jobs (false: as if switched off, for tests of "
            + "that case)")
    boolean available() default true;

    @AttributeDefinition(description = "Media types it takes (comma-separated)")
    String formats() default "application/pdf";
}
