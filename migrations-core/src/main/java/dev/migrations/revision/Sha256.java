package dev.migrations.revision;

/**
 * SHA-256 (FIPS 180-4) in plain Java, for revision checksums only.
 * <p>
 * Every startup hashes every revision file. {@code MessageDigest.getInstance("SHA-256")} first sets
 * up the security providers, and the JDK's implementation reads its input through
 * {@code VarHandle}s, which are slow until compiled: in a fresh JVM, a thousand files took about
 * 50 ms more that way than with this class. The result is the same digest, which the tests check
 * against {@code MessageDigest}.
 */
final class Sha256 {

	private static final int[] K = { 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
			0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
			0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
			0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
			0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
			0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c,
			0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
			0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 };

	private final int[] state = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
			0x5be0cd19 };

	private final int[] schedule = new int[64];

	/** Input not yet hashed: less than a block. */
	private final byte[] buffer = new byte[64];

	private int buffered;

	private long length;

	/** Adds bytes to what is hashed. */
	void update(byte[] input) {
		update(input, 0, input.length);
	}

	void update(byte[] input, int offset, int count) {
		this.length += count;
		int from = offset;
		int left = count;
		if (this.buffered > 0) {
			int taken = Math.min(64 - this.buffered, left);
			System.arraycopy(input, from, this.buffer, this.buffered, taken);
			this.buffered += taken;
			from += taken;
			left -= taken;
			if (this.buffered < 64) {
				return;
			}
			compress(this.buffer, 0);
			this.buffered = 0;
		}
		while (left >= 64) {
			compress(input, from);
			from += 64;
			left -= 64;
		}
		System.arraycopy(input, from, this.buffer, 0, left);
		this.buffered = left;
	}

	/** The 32-byte digest of everything added; the instance is used up. */
	byte[] digest() {
		long bits = this.length * 8;
		this.buffer[this.buffered++] = (byte) 0x80;
		if (this.buffered > 56) {
			while (this.buffered < 64) {
				this.buffer[this.buffered++] = 0;
			}
			compress(this.buffer, 0);
			this.buffered = 0;
		}
		while (this.buffered < 56) {
			this.buffer[this.buffered++] = 0;
		}
		for (int shift = 56; shift >= 0; shift -= 8) {
			this.buffer[this.buffered++] = (byte) (bits >>> shift);
		}
		compress(this.buffer, 0);
		byte[] digest = new byte[32];
		for (int i = 0; i < 8; i++) {
			int word = this.state[i];
			digest[4 * i] = (byte) (word >>> 24);
			digest[4 * i + 1] = (byte) (word >>> 16);
			digest[4 * i + 2] = (byte) (word >>> 8);
			digest[4 * i + 3] = (byte) word;
		}
		return digest;
	}

	// The rotations are written out: the first few hundred blocks of a startup run in the interpreter,
	// where each Integer.rotateRight is a call (the compilers turn the shifts into rotations all the same).
	private void compress(byte[] block, int offset) {
		int[] w = this.schedule;
		for (int i = 0, at = offset; i < 16; i++, at += 4) {
			w[i] = (block[at] << 24) | ((block[at + 1] & 0xff) << 16) | ((block[at + 2] & 0xff) << 8)
					| (block[at + 3] & 0xff);
		}
		for (int i = 16; i < 64; i++) {
			int x = w[i - 15];
			int y = w[i - 2];
			int s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
			int s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		int a = this.state[0];
		int b = this.state[1];
		int c = this.state[2];
		int d = this.state[3];
		int e = this.state[4];
		int f = this.state[5];
		int g = this.state[6];
		int h = this.state[7];
		for (int i = 0; i < 64; i++) {
			int sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
			int choice = (e & f) ^ (~e & g);
			int t1 = h + sum1 + choice + K[i] + w[i];
			int sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
			int majority = (a & b) ^ (a & c) ^ (b & c);
			int t2 = sum0 + majority;
			h = g;
			g = f;
			f = e;
			e = d + t1;
			d = c;
			c = b;
			b = a;
			a = t1 + t2;
		}
		this.state[0] += a;
		this.state[1] += b;
		this.state[2] += c;
		this.state[3] += d;
		this.state[4] += e;
		this.state[5] += f;
		this.state[6] += g;
		this.state[7] += h;
	}

}
