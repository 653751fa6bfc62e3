package org.huijian.directory;

public enum Gender {
    MALE, FEMALE
}
