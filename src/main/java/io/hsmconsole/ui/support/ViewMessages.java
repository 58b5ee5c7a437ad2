package io.hsmconsole.ui.support;

import io.hsmconsole.ui.common.Messages;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The texts of the cluster, users, audit and quorum screens. They live in a bundle of their own
 * ({@code io/hsmconsole/ui/views.properties}) that falls back to the console's main bundle, so these
 * screens also find the shared texts (roles, error lines, yes/no) under their usual keys.
 */
public final class ViewMessages {
    public static final String BUNDLE = "io.hsmconsole.ui.views";

    private ViewMessages() {
    }

    /** The console's messages with this bundle's keys added on top. */
    public static Messages over(Messages base) {
        ResourceBundle own = ResourceBundle.getBundle(BUNDLE, base.bundle().getLocale());
        return new Messages(new Chained(own, base.bundle()));
    }

    /** Looks a key up in {@code own} first, then in the parent bundle. */
    private static final class Chained extends ResourceBundle {
        private final ResourceBundle own;

        Chained(ResourceBundle own, ResourceBundle fallback) {
            this.own = own;
            setParent(fallback);
        }

        @Override
        protected Object handleGetObject(String key) {
            return own.containsKey(key) ? own.getObject(key) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            Set<String> keys = new HashSet<>(own.keySet());
            keys.addAll(parent.keySet());
            return Collections.enumeration(keys);
        }

        @Override
        public Locale getLocale() {
            return parent.getLocale();
        }
    }
}
