import * as XLSX from 'xlsx';
const ws = XLSX.utils.aoa_to_sheet([['phone'],[1],[2]]);
const wb = XLSX.utils.book_new(); XLSX.utils.book_append_sheet(wb, ws, 'S');
const u = new Uint8Array(XLSX.write(wb, {type:'array', bookType:'xlsx', compression: true}));
const dv = new DataView(u.buffer);
// walk local headers
let p = 0;
while (dv.getUint32(p, true) === 0x04034b50) {
  const method = dv.getUint16(p+8, true), csz = dv.getUint32(p+18,true), usz=dv.getUint32(p+22,true), nl=dv.getUint16(p+26,true), el=dv.getUint16(p+28,true);
  const name = new TextDecoder().decode(u.subarray(p+30, p+30+nl));
  console.log(name, method, csz, usz, dv.getUint16(p+6,true));
  if (name === 'xl/worksheets/sheet1.xml') { u.fill(0, p+30+nl+el, p+30+nl+el+csz); }
  p += 30+nl+el+csz;
}
const t = Date.now();
try { const wb2 = XLSX.read(u, {type:'array'}); console.log('read ok', wb2.SheetNames); } catch (e) { console.log('threw', e.message); }
console.log('ms', Date.now()-t);
