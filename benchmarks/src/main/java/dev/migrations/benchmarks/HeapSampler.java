package dev.migrations.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;

/**
 * Memory used while one piece of work runs on the calling thread: the peak of heap used (sampled
 * every few milliseconds, so it includes garbage not yet collected), the largest heap left after a
 * collection (what the work really keeps alive), and the bytes the thread allocated.
 */
final class HeapSampler implements AutoCloseable {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private final AtomicLong peakUsed = new AtomicLong();

	private final AtomicLong maxLive = new AtomicLong();

	private final long allocatedBefore;

	private final long usedAtStart;

	private final Thread sampler;

	private final NotificationListener gcListener;

	private volatile boolean running = true;

	private long allocated;

	private HeapSampler() {
		this.gcListener = this::onGc;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener(this.gcListener, null, null);
		}
		this.sampler = new Thread(() -> {
			while (this.running) {
				this.peakUsed.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		this.sampler.setDaemon(true);
		this.usedAtStart = MEMORY.getHeapMemoryUsage().getUsed();
		this.sampler.start();
		this.allocatedBefore = threadAllocated();
	}

	/** Collects garbage first, so the numbers belong to the work and not to what ran before. */
	static HeapSampler start() {
		System.gc();
		System.gc();
		return new HeapSampler();
	}

	private void onGc(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
		long used = after.values().stream().mapToLong(MemoryUsage::getUsed).sum()
				- nonHeap(after);
		this.maxLive.accumulateAndGet(used, Math::max);
	}

	// The GC info lists every memory pool; only the heap pools count here.
	private static long nonHeap(Map<String, MemoryUsage> pools) {
		List<String> nonHeapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter((pool) -> pool.getType() == java.lang.management.MemoryType.NON_HEAP)
			.map(java.lang.management.MemoryPoolMXBean::getName)
			.toList();
		return pools.entrySet().stream().filter((e) -> nonHeapPools.contains(e.getKey()))
			.mapToLong((e) -> e.getValue().getUsed()).sum();
	}

	private static long threadAllocated() {
		return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	@Override
	public void close() {
		if (!this.running) {
			return;
		}
		this.allocated = threadAllocated() - this.allocatedBefore;
		this.peakUsed.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
		this.running = false;
		this.sampler.interrupt();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			try {
				((NotificationEmitter) gc).removeNotificationListener(this.gcListener);
			}
			catch (javax.management.ListenerNotFoundException ex) {
				// never added to this one
			}
		}
	}

	/** The heap used when the work started, after the collections of {@link #start()}: what was live before it. */
	long usedAtStart() {
		return this.usedAtStart;
	}

	long peakUsed() {
		return this.peakUsed.get();
	}

	/** The largest heap left after a collection during the work; 0 when no collection ran. */
	long maxLive() {
		return this.maxLive.get();
	}

	long allocated() {
		return this.allocated;
	}

}
