package org.huijian.directory;

import java.time.LocalDate;

public record DetaineeSpec(Long detentionCentreId, String code, String name, Gender gender, LocalDate birthDate,
        LocalDate admittedOn) {
}
