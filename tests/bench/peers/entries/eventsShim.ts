// Node's EventEmitter, as much of it as pouchdb-browser uses. Its ES build imports 'events'
// and expects a bundler to supply the npm `events` package, which is not installed here; the
// bundle uses that package when it is there (see bundle.ts) and this file only otherwise.
// Methods are assigned to the prototype on purpose: PouchDB copies them with
// Object.keys(EE.prototype), which does not see class methods.

type Handler = (...args: unknown[]) => unknown;
/** A listener, or once()'s wrapper around one (which remembers it, as Node's does). */
type Listener = Handler & { listener?: Handler };

interface EventEmitter {
  _events: Map<string | symbol, Listener[]>;
  on(type: string | symbol, listener: Handler): this;
  addListener(type: string | symbol, listener: Handler): this;
  once(type: string | symbol, listener: Handler): this;
  off(type: string | symbol, listener: Handler): this;
  removeListener(type: string | symbol, listener: Handler): this;
  removeAllListeners(type?: string | symbol): this;
  emit(type: string | symbol, ...args: unknown[]): boolean;
  listeners(type: string | symbol): Handler[];
  listenerCount(type: string | symbol): number;
  setMaxListeners(count: number): this;
}

interface EventEmitterConstructor {
  new (): EventEmitter;
  prototype: EventEmitter;
  listenerCount(emitter: EventEmitter, type: string | symbol): number;
}

const EventEmitter = function (this: EventEmitter) {
  this._events = new Map();
} as unknown as EventEmitterConstructor;

function listenersOf(emitter: EventEmitter, type: string | symbol): Listener[] {
  // Subclasses that skip the constructor (PouchDB's static copy does not) still work.
  emitter._events ??= new Map();
  let list = emitter._events.get(type);
  if (!list) {
    list = [];
    emitter._events.set(type, list);
  }
  return list;
}

EventEmitter.prototype.on = function (type, listener) {
  this.emit('newListener', type, listener);
  listenersOf(this, type).push(listener);
  return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;
EventEmitter.prototype.once = function (type, listener) {
  const wrapper: Listener = (...args: unknown[]) => {
    this.removeListener(type, wrapper);
    return listener.apply(this, args) as unknown;
  };
  wrapper.listener = listener;
  return this.on(type, wrapper);
};
EventEmitter.prototype.removeListener = function (type, listener) {
  const list = listenersOf(this, type);
  const index = list.findIndex((candidate) => candidate === listener || candidate.listener === listener);
  if (index >= 0) {
    list.splice(index, 1);
    this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;
EventEmitter.prototype.removeAllListeners = function (type) {
  if (type === undefined) this._events = new Map();
  else this._events?.delete(type);
  return this;
};
EventEmitter.prototype.emit = function (type, ...args) {
  // A copy, as in Node: listeners added or removed while emitting take effect next time.
  const list = [...listenersOf(this, type)];
  if (type === 'error' && list.length === 0) throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error: ${String(args[0])}`);
  for (const listener of list) listener.apply(this, args);
  return list.length > 0;
};
EventEmitter.prototype.listeners = function (type) {
  return listenersOf(this, type).map((listener) => listener.listener ?? listener);
};
EventEmitter.prototype.listenerCount = function (type) {
  return listenersOf(this, type).length;
};
EventEmitter.prototype.setMaxListeners = function () {
  return this;
};
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);

export default EventEmitter;
export { EventEmitter };
