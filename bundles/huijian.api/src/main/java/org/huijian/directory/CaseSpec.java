package org.huijian.directory;

public record CaseSpec(String caseNo, Long detaineeId, String charge, CaseStage stage, String handlingAuthority) {
}
