package org.proxyfund.common.setting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A named fact about this installation that outlives restarts (e.g. when it first started). */
@Entity
@Table(name = "app_setting")
public class AppSetting extends PanacheEntityBase {

    @Id
    @Column(name = "name")
    public String name;

    @Column(name = "value", nullable = false)
    public String value;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<AppSetting> byName(String name) {
        return findByIdOptional(name);
    }
}
