package org.huijian.transcript.internal;

import org.huijian.core.Capability;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the web app and the kiosks that this site keeps meeting transcripts (会见笔录). */
@Component(service = Capability.class)
public class TranscriptCapability implements Capability {
    @Reference
    Transcripts transcripts; // only once transcripts can be stored

    @Override
    public String id() {
        return "transcript";
    }

    @Override
    public String version() {
        return FrameworkUtil.getBundle(TranscriptCapability.class).getVersion().toString();
    }
}
