package org.huijian.directory;

/** What is entered for a case; the two flags default to {@code false}. See {@link Case}. */
public record CaseSpec(String caseNo, Long detaineeId, String charge, CaseStage stage, String handlingAuthority,
        Boolean approvalRequired, Boolean interpreterNeeded) {
}
