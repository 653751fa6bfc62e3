package org.huijian.meeting.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Huijian meetings", description = "The rules of live meetings at this site")
public @interface MeetingConfig {
    String PID = "org.huijian.meeting";

    @AttributeDefinition(description = "Time zone of the site (the bookings' times)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Minutes before the booked start from which Ready and Connect are accepted")
    int earlyMinutes() default 5;

    @AttributeDefinition(description = "Seconds a dropped terminal has to come back before the meeting ends")
    int graceSeconds() default 60;

    @AttributeDefinition(description = "Longest call in minutes unless a supervisor sets otherwise (通话时间设定); "
            + "the booked end also ends a call")
    int defaultLimitMinutes() default 60;

    @AttributeDefinition(description = "Longest limit in minutes a supervisor may set")
    int maxLimitMinutes() default 180;

    @AttributeDefinition(description = "Minutes before the limit when both sides are warned, comma-separated")
    String warningMinutes() default "5,1";
}
