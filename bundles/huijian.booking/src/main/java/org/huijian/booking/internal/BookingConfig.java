package org.huijian.booking.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Huijian booking", description = "Slots, booking rules and policies of the site")
public @interface BookingConfig {
    String PID = "org.huijian.booking";

    @AttributeDefinition(description = "Time zone of the site's opening hours and bookings")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Length of one slot, in minutes")
    int slotMinutes() default 60;

    @AttributeDefinition(description = "Most consecutive slots one booking may take")
    int maxSlotsPerBooking() default 2;

    @AttributeDefinition(description = "First day that can be booked, in days from today (1 = tomorrow)")
    int windowStartDays() default 1;

    @AttributeDefinition(description = "Last day that can be booked, in days from today")
    int windowDays() default 7;

    @AttributeDefinition(description = "Time of day when the slots of the last day of the window are released")
    String releaseTime() default "09:00";

    @AttributeDefinition(description = "A lawyer may cancel until this many hours before the start")
    int cancelCutoffHours() default 24;

    @AttributeDefinition(description = "Minutes after the start without check-in that make a booking a no-show")
    int lateReleaseMinutes() default 5;

    @AttributeDefinition(description = "Most bookings one lawyer may hold on one day")
    int dailyLimitPerLawyer() default 2;

    @AttributeDefinition(description = "No-shows within the period that suspend online booking")
    int noShowLimit() default 3;

    @AttributeDefinition(description = "Period over which no-shows are counted, in days")
    int noShowPeriodDays() default 90;

    @AttributeDefinition(description = "How long a suspension for no-shows lasts, in days")
    int suspensionDays() default 30;

    @AttributeDefinition(description = "Approve bookings that pass every rule without an approver")
    boolean autoApprove() default false;

    @AttributeDefinition(description = "Allow a remote meeting as a lawyer's first meeting in a case")
    boolean firstMeetingRemote() default true;

    @AttributeDefinition(description = "Allow remote meetings with detainees who need an interpreter")
    boolean interpreterRemote() default false;

    @AttributeDefinition(description = "Words in a charge that, during investigation, need the investigating "
            + "authority's approval for meetings (besides the case's own flag), comma-separated")
    String approvalRequiredCharges() default "危害国家安全,恐怖活动,间谍,为境外窃取";

    @AttributeDefinition(description = "How long a lawyer has to take a slot offered from the waiting list, in minutes")
    int waitlistOfferMinutes() default 30;

    @AttributeDefinition(description = "Remind lawyers this many hours before an approved booking")
    int reminderHours() default 24;

    @AttributeDefinition(description = "Largest uploaded document, in bytes")
    long maxDocumentBytes() default 10_485_760L;

    @AttributeDefinition(description = "Folder for uploaded documents; empty: ${karaf.data}/huijian/documents")
    String documentFolder() default "";

    @AttributeDefinition(description = "Most booking requests waiting for the allocator at once")
    int queueCapacity() default 10_000;
}
