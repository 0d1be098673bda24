package dev.migrations.autogenerate.scenarios.apps.store.v1;

public enum ProductSize {

	S, M, L, XL

}
