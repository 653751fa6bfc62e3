// The web module of the `booking` capability (预约): loaded only when the site runs it.
//   public        #/register                 a lawyer registers (link on the sign-in page)
//   lawyer portal qualification banner; #/portal/book (book a slot); #/portal/bookings (my bookings, waiting list)
//   admin console approvals (审批), qualification review (资格审核), daily list (提押单), check-in (签到)
import './booking-register.js';
import './booking-qualification.js';
import './booking-book.js';
import './booking-mine.js';
import './booking-approvals.js';
import './booking-qualifications.js';
import './booking-daily.js';
import './booking-checkin.js';
