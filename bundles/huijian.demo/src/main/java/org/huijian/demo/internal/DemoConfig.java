package org.huijian.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the demo site, PID {@code org.huijian.demo}; documented in {@code etc/org.huijian.demo.cfg}. */
@ObjectClassDefinition(name = "Huijian demo site",
        description = "Fills an empty site with a demo set-up of Guangzhou, once. Never on a site with real data.")
public @interface DemoConfig {

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password of every demo account it creates; must meet the site's password policy. "
                    + "Empty: a random one is generated, printed once to the console and saved in "
                    + "${karaf.data}/huijian/demo-credentials.txt (owner-only).")
    String password() default "";

    @AttributeDefinition(name = "Data folder", required = false,
            description = "Folder with demo data files (centres.csv, ...) used instead of those built into the "
                    + "bundle; a file missing there is taken from the bundle. Empty: the built-in data.")
    String dataFolder() default "";
}
