package org.huijian.site;

/** The three kinds of kiosk terminal (会见分机). */
public enum TerminalKind {
    /** At a position in a centre; the lawyer's side. */
    LAWYER,
    /** In a detention centre; the detainee's side. */
    DETAINEE,
    /** A supervisor's console, at a centre or a detention centre. */
    CONSOLE
}
