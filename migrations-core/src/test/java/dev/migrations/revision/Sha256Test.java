package dev.migrations.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksums' SHA-256 gives the standard's digests, the same as the JDK's. */
class Sha256Test {

	@Test
	void givesTheStandardsTestVectors() {
		assertThat(hex(digest(""))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(hex(digest("abc"))).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(hex(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

	@Test
	void givesTheJdksDigestForEveryLengthAndWayOfFeedingIt() throws NoSuchAlgorithmException {
		Random random = new Random(42);
		for (int length = 0; length <= 300; length++) {
			byte[] input = new byte[length];
			random.nextBytes(input);
			byte[] expected = MessageDigest.getInstance("SHA-256").digest(input);
			Sha256 whole = new Sha256();
			whole.update(input);
			assertThat(whole.digest()).as("length %d", length).isEqualTo(expected);
			Sha256 pieces = new Sha256();
			int offset = 0;
			while (offset < length) {
				int count = Math.min(random.nextInt(70), length - offset);
				pieces.update(input, offset, count);
				offset += count;
			}
			assertThat(pieces.digest()).as("length %d in pieces", length).isEqualTo(expected);
		}
	}

	private static byte[] digest(String text) {
		Sha256 sha256 = new Sha256();
		sha256.update(text.getBytes(StandardCharsets.UTF_8));
		return sha256.digest();
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
