package dev.migrations.boot.shell.scan.kotlinregistrar;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose package holds a Kotlin configuration importing a {@code BeanRegistrarDsl}: the class
 * files {@code ShopConfiguration.class} and {@code ShopBeans.class} beside it in the test resources are what
 * kotlinc 2.3 emits for {@code ShopBeans.kt.txt}.
 */
@SpringBootApplication
public class KotlinRegistrarApplication {

}
