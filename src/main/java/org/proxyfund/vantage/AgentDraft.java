package org.proxyfund.vantage;

import org.proxyfund.common.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * An admin's new agent: a name, the region it checks from (the code endpoints give as the region they serve, e.g.
 * RU), and a label for its network (provider or AS), so a region's quorum can count distinct networks.
 */
public record AgentDraft(String name, String region, String networkLabel) {

    public AgentDraft {
        name = name == null ? "" : name.strip();
        region = region == null ? "" : region.strip();
        networkLabel = networkLabel == null ? "" : networkLabel.strip();
    }

    /** What is wrong with the fields, if anything. */
    public List<FieldError> problems() {
        List<FieldError> out = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) out.add(new FieldError("name", "agent.name_length", "1 to 100 characters"));
        if (region.length() < 2 || region.length() > 64) out.add(new FieldError("region", "agent.region_length", "2 to 64 characters"));
        if (networkLabel.isEmpty() || networkLabel.length() > 100) {
            out.add(new FieldError("networkLabel", "agent.network_length", "1 to 100 characters"));
        }
        return out;
    }
}
