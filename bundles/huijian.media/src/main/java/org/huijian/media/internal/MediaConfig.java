package org.huijian.media.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the media bridge, {@code etc/org.huijian.media.cfg}. */
@ObjectClassDefinition(name = "Huijian media bridge")
public @interface MediaConfig {
    String PID = "org.huijian.media";

    @AttributeDefinition(description = "Address the bridge's UDP ports listen on; empty: the announced address. "
            + "Not the wildcard 0.0.0.0 on a machine with several addresses: answers would leave from another one")
    String bindAddress() default "";

    @AttributeDefinition(description = "true: every party and console reaches the bridge on the one UDP port below "
            + "(one port to open in a firewall; one reading thread for all). false: each on a port of its own from the "
            + "ephemeral range, with a reading thread each")
    boolean sharedPort() default true;

    @AttributeDefinition(description = "The UDP port every leg shares when sharedPort is true; 0: any free port, "
            + "chosen at start")
    int port() default 10000;

    @AttributeDefinition(description = "Address announced to the browsers as the bridge's candidate: the server's "
            + "address on the terminals' network. Empty: the first site-local IPv4 address of this machine, else its "
            + "first other IPv4 address, else 127.0.0.1")
    String advertisedAddress() default "";

    @AttributeDefinition(description = "Where recordings are kept; empty: <karaf.data>/recordings")
    String recordingsDirectory() default "";

    @AttributeDefinition(description = "Most meetings relayed at once")
    int maxMeetings() default 64;

    @AttributeDefinition(description = "Whether a meeting may go on peer-to-peer, unrecorded, when the bridge cannot "
            + "take it. false: the terminals are told the media server is unavailable and the call does not start")
    boolean unrecordedAllowed() default false;
}
