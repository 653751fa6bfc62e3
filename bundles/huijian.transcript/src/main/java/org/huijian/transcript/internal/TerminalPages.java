package org.huijian.transcript.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the transcript's terminal page (bundle folder {@code transcript/}) at {@code /transcript/terminal.html}: the
 * lawyer's editor and the detainee's reading and signing view, told apart by the terminal's device credential.
 */
@Component(service = TerminalPages.class)
@HttpWhiteboardResource(pattern = "/transcript/*", prefix = "/transcript")
public class TerminalPages {
}
