package org.huijian.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/** What centres and detention centres have alike: a code, a name, an address and a phone number. */
@MappedSuperclass
public abstract class PlaceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    protected long id;
    @Column(name = "CODE")
    protected String code;
    @Column(name = "NAME")
    protected String name;
    @Column(name = "ADDRESS")
    protected String address;
    @Column(name = "PHONE")
    protected String phone;

    public void update(String newCode, String newName, String newAddress, String newPhone) {
        code = newCode;
        name = newName;
        address = newAddress;
        phone = newPhone;
    }

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }
}
