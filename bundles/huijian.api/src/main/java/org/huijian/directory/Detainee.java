package org.huijian.directory;

import java.time.LocalDate;

/**
 * A person held in a detention centre (在押人员). Personal data: only roles that need it may read it.
 *
 * @param code the detention centre's own number for the person (监室号/在押人员编号)
 */
public record Detainee(long id, long detentionCentreId, String code, String name, Gender gender, LocalDate birthDate,
        LocalDate admittedOn) {
}
