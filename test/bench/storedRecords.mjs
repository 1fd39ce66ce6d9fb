// What a cold open of Positions can start from, read raw from the app's IndexedDB (the scale
// and positions benches wait on it before a reload).

/** The stored positions records' journal seqs beside the journal's head: what a cold open can start from. */
export function storedRecords(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const get = (store, query, direction) =>
      new Promise((resolve) => {
        const request = db.transaction(store, 'readonly').objectStore(store).openCursor(query, direction)
        request.onsuccess = () => resolve(request.result?.value)
        request.onerror = () => resolve(undefined)
      })
    const out = {}
    for (const key of ['positions', 'positions-result', 'positions-first-rows']) out[key] = (await get('positionsSnapshots', key, 'next'))?.seq ?? null
    out.head = (await get('journal', null, 'prev'))?.seq ?? 0
    db.close()
    return out
  })
}
