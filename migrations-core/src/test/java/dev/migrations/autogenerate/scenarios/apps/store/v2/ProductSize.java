package dev.migrations.autogenerate.scenarios.apps.store.v2;

public enum ProductSize {

	S, M, L, XL, XXL

}
