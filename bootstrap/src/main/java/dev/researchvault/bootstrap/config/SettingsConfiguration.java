package dev.researchvault.bootstrap.config;

import dev.researchvault.adapter.persistence.settings.SettingsDefaultsFile;
import io.micronaut.context.annotation.ConfigurationProperties;

/** Where the shipped settings defaults come from ({@code settings.*}; the cache is {@link SettingsCacheConfiguration}). */
@ConfigurationProperties("settings")
public class SettingsConfiguration {

    private String defaultsResource = SettingsDefaultsFile.SHIPPED;

    /** Classpath resource with the shipped defaults: a test (or a packager) may ship another file. */
    public String getDefaultsResource() {
        return defaultsResource;
    }

    public void setDefaultsResource(String defaultsResource) {
        if (defaultsResource.isBlank()) {
            throw new IllegalArgumentException("settings.defaults-resource must name a classpath resource");
        }
        this.defaultsResource = defaultsResource;
    }
}
