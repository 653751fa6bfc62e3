package org.huijian.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Huijian e-mail notifications", description = "SMTP server for notifications")
public @interface EmailConfig {
    String PID = "org.huijian.notify.email";

    @AttributeDefinition(description = "Send notifications by e-mail")
    boolean enabled() default false;

    @AttributeDefinition(description = "SMTP host")
    String host() default "localhost";

    @AttributeDefinition(description = "SMTP port")
    int port() default 25;

    @AttributeDefinition(description = "Sender address")
    String from() default "huijian@localhost";

    @AttributeDefinition(description = "SMTP user name; empty for none")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password")
    String password() default "";

    @AttributeDefinition(description = "Use STARTTLS")
    boolean starttls() default false;

    @AttributeDefinition(description = "Most e-mails waiting to be sent; beyond it new ones are dropped and logged")
    int queueCapacity() default 1000;
}
