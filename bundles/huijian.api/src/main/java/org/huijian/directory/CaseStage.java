package org.huijian.directory;

/** The procedural stage of a case, which decides who handles it and some meeting rules. */
public enum CaseStage {
    /** 侦查 — handled by the investigating authority (public security). */
    INVESTIGATION,
    /** 审查起诉 — with the procuratorate. */
    PROSECUTION_REVIEW,
    /** 审判 — before the court. */
    TRIAL
}
