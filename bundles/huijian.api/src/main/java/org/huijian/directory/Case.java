package org.huijian.directory;

/**
 * A criminal case (案件) as it concerns one detainee.
 *
 * @param caseNo the handling authority's case number, e.g. {@code 穗天公(刑)立字〔2026〕1234号}
 * @param handlingAuthority the authority that currently handles the case
 */
public record Case(long id, String caseNo, long detaineeId, String charge, CaseStage stage, String handlingAuthority) {
}
