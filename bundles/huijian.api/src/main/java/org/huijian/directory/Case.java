package org.huijian.directory;

/**
 * A criminal case (案件) as it concerns one detainee.
 *
 * @param caseNo the handling authority's case number, e.g. {@code 穗天公(刑)立字〔2026〕1234号}
 * @param handlingAuthority the authority that currently handles the case
 * @param approvalRequired meetings need the investigating authority's approval (刑事诉讼法第三十九条第三款:
 *        endangering state security or terrorism, during investigation), so no remote meeting is booked
 *        without it
 * @param interpreterNeeded the detainee needs an interpreter
 */
public record Case(long id, String caseNo, long detaineeId, String charge, CaseStage stage, String handlingAuthority,
        boolean approvalRequired, boolean interpreterNeeded) {
}
