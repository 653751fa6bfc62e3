package org.huijian.meeting;

/**
 * Who and where a meeting is, as both terminals and the supervisor's console show it. Names are read once when
 * the meeting is first shown; a name that cannot be found is {@code null}.
 *
 * @param bookingReference the booking number, e.g. {@code YY20261201-000007}
 * @param detaineeCode the detention centre's number for the detainee (监所编号)
 * @param caseNo the case number (案号)
 */
public record MeetingParties(String bookingReference, String lawyerName, String lawFirmName, String detaineeName,
        String detaineeCode, String caseNo, String centreName, String positionName, String detentionCentreName,
        String lawyerTerminalName, String detaineeTerminalName) {
}
