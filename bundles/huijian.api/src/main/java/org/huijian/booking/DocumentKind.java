package org.huijian.booking;

/** The papers a lawyer uploads. */
public enum DocumentKind {
    /** 委托书: the detainee's (or family's) authorisation of the lawyer for the case. */
    AUTHORISATION_LETTER,
    /** 律所公函: the law firm's letter introducing the lawyer. */
    FIRM_LETTER,
    /** A photo or scan of the lawyer's practice licence (执业证). */
    LICENCE_PHOTO
}
