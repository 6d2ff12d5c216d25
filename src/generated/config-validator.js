// Generated from src/config-schema.ts by `npm run gen` (scripts/gen-config-validator.ts). Do not edit.
import ucs2length from "ajv/dist/runtime/ucs2length.js";
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"type":"object","additionalProperties":false,"properties":{"accounts":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["handle"],"properties":{"handle":{"type":"string","pattern":"^@?[A-Za-z0-9_]{1,15}$"},"id":{"type":"string","pattern":"^[0-9]{1,19}$"},"lang":{"type":"string"},"sla":{"type":"object","additionalProperties":false,"properties":{"first_response_minutes":{"type":"number","exclusiveMinimum":0,"maximum":525600},"ceiling_minutes":{"type":"number","exclusiveMinimum":0,"maximum":525600}}},"business_hours":{"type":"object","additionalProperties":false,"required":["start","end"],"properties":{"tz":{"type":"string","minLength":1},"days":{"type":"array","minItems":1,"items":{"enum":["mon","tue","wed","thu","fri","sat","sun"]}},"start":{"type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]$"},"end":{"type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]$"}}}}}},"search_queries":{"type":"array","items":{"type":"string","minLength":1}},"competitors":{"type":"array","items":{"type":["string","object"],"pattern":"^@?[A-Za-z0-9_]{1,15}$","additionalProperties":false,"required":["handle"],"properties":{"handle":{"type":"string","pattern":"^@?[A-Za-z0-9_]{1,15}$"},"name":{"type":"string","minLength":1}}}},"vip_handles":{"type":"array","items":{"type":"string","minLength":1}},"crisis_hashtags":{"type":"array","items":{"type":"string","minLength":1}},"popular_hashtag_authors":{"type":"integer","minimum":1},"agents":{"type":"object","additionalProperties":{"type":"object","additionalProperties":false,"properties":{"name":{"type":"string"},"signature":{"type":"string"}}}},"templates":{"type":"object","additionalProperties":{"oneOf":[{"type":"string","minLength":1},{"type":"object","additionalProperties":false,"required":["text"],"properties":{"lang":{"type":"string"},"text":{"type":"string","minLength":1}}}]}},"scoring":{"type":"object","additionalProperties":false,"properties":{"words":{"type":"object","additionalProperties":{"type":"object","additionalProperties":{"type":"array","items":{"type":"string","minLength":1}}}},"weights":{"type":"object","additionalProperties":{"type":"number"}}}},"prices":{"type":"object","additionalProperties":{"type":"number","minimum":0}},"sla":{"type":"object","additionalProperties":false,"properties":{"first_response_minutes":{"type":"number","exclusiveMinimum":0,"maximum":525600},"ceiling_minutes":{"type":"number","exclusiveMinimum":0,"maximum":525600}}}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = (ucs2length.default ?? ucs2length);
const pattern0 = new RegExp("^@?[A-Za-z0-9_]{1,15}$", "u");
const pattern1 = new RegExp("^[0-9]{1,19}$", "u");
const pattern2 = new RegExp("^([01][0-9]|2[0-3]):[0-5][0-9]$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
validate10.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.accounts !== undefined){
let data0 = data.accounts;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
if(errors === _errs4){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing0;
if((data1.handle === undefined) && (missing0 = "handle")){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0,schemaPath:"#/properties/accounts/items/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs6 = errors;
for(const key1 in data1){
if(!(((((key1 === "handle") || (key1 === "id")) || (key1 === "lang")) || (key1 === "sla")) || (key1 === "business_hours"))){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0,schemaPath:"#/properties/accounts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs6 === errors){
if(data1.handle !== undefined){
let data2 = data1.handle;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/handle",schemaPath:"#/properties/accounts/items/properties/handle/pattern",keyword:"pattern",params:{pattern: "^@?[A-Za-z0-9_]{1,15}$"},message:"must match pattern \""+"^@?[A-Za-z0-9_]{1,15}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/handle",schemaPath:"#/properties/accounts/items/properties/handle/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.id !== undefined){
let data3 = data1.id;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/id",schemaPath:"#/properties/accounts/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[0-9]{1,19}$"},message:"must match pattern \""+"^[0-9]{1,19}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/id",schemaPath:"#/properties/accounts/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.lang !== undefined){
const _errs11 = errors;
if(typeof data1.lang !== "string"){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/lang",schemaPath:"#/properties/accounts/items/properties/lang/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.sla !== undefined){
let data5 = data1.sla;
const _errs13 = errors;
if(errors === _errs13){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
const _errs15 = errors;
for(const key2 in data5){
if(!((key2 === "first_response_minutes") || (key2 === "ceiling_minutes"))){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla",schemaPath:"#/properties/accounts/items/properties/sla/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs15 === errors){
if(data5.first_response_minutes !== undefined){
let data6 = data5.first_response_minutes;
const _errs16 = errors;
if(errors === _errs16){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 525600 || isNaN(data6)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla/first_response_minutes",schemaPath:"#/properties/accounts/items/properties/sla/properties/first_response_minutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data6 <= 0 || isNaN(data6)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla/first_response_minutes",schemaPath:"#/properties/accounts/items/properties/sla/properties/first_response_minutes/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla/first_response_minutes",schemaPath:"#/properties/accounts/items/properties/sla/properties/first_response_minutes/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.ceiling_minutes !== undefined){
let data7 = data5.ceiling_minutes;
const _errs18 = errors;
if(errors === _errs18){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 525600 || isNaN(data7)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla/ceiling_minutes",schemaPath:"#/properties/accounts/items/properties/sla/properties/ceiling_minutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data7 <= 0 || isNaN(data7)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla/ceiling_minutes",schemaPath:"#/properties/accounts/items/properties/sla/properties/ceiling_minutes/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla/ceiling_minutes",schemaPath:"#/properties/accounts/items/properties/sla/properties/ceiling_minutes/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/sla",schemaPath:"#/properties/accounts/items/properties/sla/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.business_hours !== undefined){
let data8 = data1.business_hours;
const _errs20 = errors;
if(errors === _errs20){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing1;
if(((data8.start === undefined) && (missing1 = "start")) || ((data8.end === undefined) && (missing1 = "end"))){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours",schemaPath:"#/properties/accounts/items/properties/business_hours/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs22 = errors;
for(const key3 in data8){
if(!((((key3 === "tz") || (key3 === "days")) || (key3 === "start")) || (key3 === "end"))){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours",schemaPath:"#/properties/accounts/items/properties/business_hours/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs22 === errors){
if(data8.tz !== undefined){
let data9 = data8.tz;
const _errs23 = errors;
if(errors === _errs23){
if(typeof data9 === "string"){
if(func3(data9) < 1){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/tz",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/tz/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/tz",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/tz/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs23 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data8.days !== undefined){
let data10 = data8.days;
const _errs25 = errors;
if(errors === _errs25){
if(Array.isArray(data10)){
if(data10.length < 1){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/days",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/days/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid5 = true;
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
const _errs27 = errors;
if(!(((((((data11 === "mon") || (data11 === "tue")) || (data11 === "wed")) || (data11 === "thu")) || (data11 === "fri")) || (data11 === "sat")) || (data11 === "sun"))){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/days/" + i1,schemaPath:"#/properties/accounts/items/properties/business_hours/properties/days/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.accounts.items.properties.business_hours.properties.days.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs27 === errors;
if(!valid5){
break;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/days",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/days/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid4 = _errs25 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data8.start !== undefined){
let data12 = data8.start;
const _errs28 = errors;
if(errors === _errs28){
if(typeof data12 === "string"){
if(!pattern2.test(data12)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/start",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/start/pattern",keyword:"pattern",params:{pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$"},message:"must match pattern \""+"^([01][0-9]|2[0-3]):[0-5][0-9]$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/start",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/start/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs28 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data8.end !== undefined){
let data13 = data8.end;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data13 === "string"){
if(!pattern2.test(data13)){
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/end",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/end/pattern",keyword:"pattern",params:{pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$"},message:"must match pattern \""+"^([01][0-9]|2[0-3]):[0-5][0-9]$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours/end",schemaPath:"#/properties/accounts/items/properties/business_hours/properties/end/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs30 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0+"/business_hours",schemaPath:"#/properties/accounts/items/properties/business_hours/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs20 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts/" + i0,schemaPath:"#/properties/accounts/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.search_queries !== undefined){
let data14 = data.search_queries;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data14)){
var valid6 = true;
const len2 = data14.length;
for(let i2=0; i2<len2; i2++){
let data15 = data14[i2];
const _errs34 = errors;
if(errors === _errs34){
if(typeof data15 === "string"){
if(func3(data15) < 1){
validate10.errors = [{instancePath:instancePath+"/search_queries/" + i2,schemaPath:"#/properties/search_queries/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/search_queries/" + i2,schemaPath:"#/properties/search_queries/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs34 === errors;
if(!valid6){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/search_queries",schemaPath:"#/properties/search_queries/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.competitors !== undefined){
let data16 = data.competitors;
const _errs36 = errors;
if(errors === _errs36){
if(Array.isArray(data16)){
var valid7 = true;
const len3 = data16.length;
for(let i3=0; i3<len3; i3++){
let data17 = data16[i3];
const _errs38 = errors;
if((typeof data17 !== "string") && (!(data17 && typeof data17 == "object" && !Array.isArray(data17)))){
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3,schemaPath:"#/properties/competitors/items/type",keyword:"type",params:{type: schema11.properties.competitors.items.type},message:"must be string,object"}];
return false;
}
if(errors === _errs38){
if(typeof data17 === "string"){
if(!pattern0.test(data17)){
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3,schemaPath:"#/properties/competitors/items/pattern",keyword:"pattern",params:{pattern: "^@?[A-Za-z0-9_]{1,15}$"},message:"must match pattern \""+"^@?[A-Za-z0-9_]{1,15}$"+"\""}];
return false;
}
}
if(errors === _errs38){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing2;
if((data17.handle === undefined) && (missing2 = "handle")){
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3,schemaPath:"#/properties/competitors/items/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs40 = errors;
for(const key4 in data17){
if(!((key4 === "handle") || (key4 === "name"))){
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3,schemaPath:"#/properties/competitors/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs40 === errors){
if(data17.handle !== undefined){
let data18 = data17.handle;
const _errs41 = errors;
if(errors === _errs41){
if(typeof data18 === "string"){
if(!pattern0.test(data18)){
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3+"/handle",schemaPath:"#/properties/competitors/items/properties/handle/pattern",keyword:"pattern",params:{pattern: "^@?[A-Za-z0-9_]{1,15}$"},message:"must match pattern \""+"^@?[A-Za-z0-9_]{1,15}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3+"/handle",schemaPath:"#/properties/competitors/items/properties/handle/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid8 = _errs41 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data17.name !== undefined){
let data19 = data17.name;
const _errs43 = errors;
if(errors === _errs43){
if(typeof data19 === "string"){
if(func3(data19) < 1){
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3+"/name",schemaPath:"#/properties/competitors/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/competitors/" + i3+"/name",schemaPath:"#/properties/competitors/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid8 = _errs43 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
var valid7 = _errs38 === errors;
if(!valid7){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/competitors",schemaPath:"#/properties/competitors/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs36 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vip_handles !== undefined){
let data20 = data.vip_handles;
const _errs45 = errors;
if(errors === _errs45){
if(Array.isArray(data20)){
var valid9 = true;
const len4 = data20.length;
for(let i4=0; i4<len4; i4++){
let data21 = data20[i4];
const _errs47 = errors;
if(errors === _errs47){
if(typeof data21 === "string"){
if(func3(data21) < 1){
validate10.errors = [{instancePath:instancePath+"/vip_handles/" + i4,schemaPath:"#/properties/vip_handles/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/vip_handles/" + i4,schemaPath:"#/properties/vip_handles/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid9 = _errs47 === errors;
if(!valid9){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/vip_handles",schemaPath:"#/properties/vip_handles/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs45 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.crisis_hashtags !== undefined){
let data22 = data.crisis_hashtags;
const _errs49 = errors;
if(errors === _errs49){
if(Array.isArray(data22)){
var valid10 = true;
const len5 = data22.length;
for(let i5=0; i5<len5; i5++){
let data23 = data22[i5];
const _errs51 = errors;
if(errors === _errs51){
if(typeof data23 === "string"){
if(func3(data23) < 1){
validate10.errors = [{instancePath:instancePath+"/crisis_hashtags/" + i5,schemaPath:"#/properties/crisis_hashtags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/crisis_hashtags/" + i5,schemaPath:"#/properties/crisis_hashtags/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid10 = _errs51 === errors;
if(!valid10){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/crisis_hashtags",schemaPath:"#/properties/crisis_hashtags/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.popular_hashtag_authors !== undefined){
let data24 = data.popular_hashtag_authors;
const _errs53 = errors;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
validate10.errors = [{instancePath:instancePath+"/popular_hashtag_authors",schemaPath:"#/properties/popular_hashtag_authors/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs53){
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 1 || isNaN(data24)){
validate10.errors = [{instancePath:instancePath+"/popular_hashtag_authors",schemaPath:"#/properties/popular_hashtag_authors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs53 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agents !== undefined){
let data25 = data.agents;
const _errs55 = errors;
if(errors === _errs55){
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key5 in data25){
let data26 = data25[key5];
const _errs58 = errors;
if(errors === _errs58){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
const _errs60 = errors;
for(const key6 in data26){
if(!((key6 === "name") || (key6 === "signature"))){
validate10.errors = [{instancePath:instancePath+"/agents/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/agents/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs60 === errors){
if(data26.name !== undefined){
const _errs61 = errors;
if(typeof data26.name !== "string"){
validate10.errors = [{instancePath:instancePath+"/agents/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/name",schemaPath:"#/properties/agents/additionalProperties/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs61 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data26.signature !== undefined){
const _errs63 = errors;
if(typeof data26.signature !== "string"){
validate10.errors = [{instancePath:instancePath+"/agents/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/signature",schemaPath:"#/properties/agents/additionalProperties/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs63 === errors;
}
else {
var valid12 = true;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/agents/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/agents/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid11 = _errs58 === errors;
if(!valid11){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/agents",schemaPath:"#/properties/agents/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs55 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.templates !== undefined){
let data29 = data.templates;
const _errs65 = errors;
if(errors === _errs65){
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key7 in data29){
let data30 = data29[key7];
const _errs68 = errors;
const _errs69 = errors;
let valid14 = false;
let passing0 = null;
const _errs70 = errors;
if(errors === _errs70){
if(typeof data30 === "string"){
if(func3(data30) < 1){
const err0 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/templates/additionalProperties/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/templates/additionalProperties/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs70 === errors;
if(_valid0){
valid14 = true;
passing0 = 0;
}
const _errs72 = errors;
if(errors === _errs72){
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
let missing3;
if((data30.text === undefined) && (missing3 = "text")){
const err2 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/templates/additionalProperties/oneOf/1/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
const _errs74 = errors;
for(const key8 in data30){
if(!((key8 === "lang") || (key8 === "text"))){
const err3 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/templates/additionalProperties/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
break;
}
}
if(_errs74 === errors){
if(data30.lang !== undefined){
const _errs75 = errors;
if(typeof data30.lang !== "string"){
const err4 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/lang",schemaPath:"#/properties/templates/additionalProperties/oneOf/1/properties/lang/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid15 = _errs75 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data30.text !== undefined){
let data32 = data30.text;
const _errs77 = errors;
if(errors === _errs77){
if(typeof data32 === "string"){
if(func3(data32) < 1){
const err5 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/text",schemaPath:"#/properties/templates/additionalProperties/oneOf/1/properties/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/text",schemaPath:"#/properties/templates/additionalProperties/oneOf/1/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var valid15 = _errs77 === errors;
}
else {
var valid15 = true;
}
}
}
}
}
else {
const err7 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/templates/additionalProperties/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs72 === errors;
if(_valid0 && valid14){
valid14 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid14 = true;
passing0 = 1;
}
}
if(!valid14){
const err8 = {instancePath:instancePath+"/templates/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/templates/additionalProperties/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate10.errors = vErrors;
return false;
}
else {
errors = _errs69;
if(vErrors !== null){
if(_errs69){
vErrors.length = _errs69;
}
else {
vErrors = null;
}
}
}
var valid13 = _errs68 === errors;
if(!valid13){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/templates",schemaPath:"#/properties/templates/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs65 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.scoring !== undefined){
let data33 = data.scoring;
const _errs79 = errors;
if(errors === _errs79){
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
const _errs81 = errors;
for(const key9 in data33){
if(!((key9 === "words") || (key9 === "weights"))){
validate10.errors = [{instancePath:instancePath+"/scoring",schemaPath:"#/properties/scoring/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs81 === errors){
if(data33.words !== undefined){
let data34 = data33.words;
const _errs82 = errors;
if(errors === _errs82){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
for(const key10 in data34){
let data35 = data34[key10];
const _errs85 = errors;
if(errors === _errs85){
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key11 in data35){
let data36 = data35[key11];
const _errs88 = errors;
if(errors === _errs88){
if(Array.isArray(data36)){
var valid19 = true;
const len6 = data36.length;
for(let i6=0; i6<len6; i6++){
let data37 = data36[i6];
const _errs90 = errors;
if(errors === _errs90){
if(typeof data37 === "string"){
if(func3(data37) < 1){
validate10.errors = [{instancePath:instancePath+"/scoring/words/" + key10.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + key11.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i6,schemaPath:"#/properties/scoring/properties/words/additionalProperties/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/scoring/words/" + key10.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + key11.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i6,schemaPath:"#/properties/scoring/properties/words/additionalProperties/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid19 = _errs90 === errors;
if(!valid19){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/scoring/words/" + key10.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/scoring/properties/words/additionalProperties/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid18 = _errs88 === errors;
if(!valid18){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/scoring/words/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/scoring/properties/words/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid17 = _errs85 === errors;
if(!valid17){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/scoring/words",schemaPath:"#/properties/scoring/properties/words/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid16 = _errs82 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data33.weights !== undefined){
let data38 = data33.weights;
const _errs92 = errors;
if(errors === _errs92){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key12 in data38){
let data39 = data38[key12];
const _errs95 = errors;
if(!((typeof data39 == "number") && (isFinite(data39)))){
validate10.errors = [{instancePath:instancePath+"/scoring/weights/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/scoring/properties/weights/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid20 = _errs95 === errors;
if(!valid20){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/scoring/weights",schemaPath:"#/properties/scoring/properties/weights/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid16 = _errs92 === errors;
}
else {
var valid16 = true;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/scoring",schemaPath:"#/properties/scoring/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs79 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prices !== undefined){
let data40 = data.prices;
const _errs97 = errors;
if(errors === _errs97){
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
for(const key13 in data40){
let data41 = data40[key13];
const _errs100 = errors;
if(errors === _errs100){
if((typeof data41 == "number") && (isFinite(data41))){
if(data41 < 0 || isNaN(data41)){
validate10.errors = [{instancePath:instancePath+"/prices/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/prices/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/prices/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/prices/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid21 = _errs100 === errors;
if(!valid21){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/prices",schemaPath:"#/properties/prices/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs97 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sla !== undefined){
let data42 = data.sla;
const _errs102 = errors;
if(errors === _errs102){
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
const _errs104 = errors;
for(const key14 in data42){
if(!((key14 === "first_response_minutes") || (key14 === "ceiling_minutes"))){
validate10.errors = [{instancePath:instancePath+"/sla",schemaPath:"#/properties/sla/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs104 === errors){
if(data42.first_response_minutes !== undefined){
let data43 = data42.first_response_minutes;
const _errs105 = errors;
if(errors === _errs105){
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 > 525600 || isNaN(data43)){
validate10.errors = [{instancePath:instancePath+"/sla/first_response_minutes",schemaPath:"#/properties/sla/properties/first_response_minutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data43 <= 0 || isNaN(data43)){
validate10.errors = [{instancePath:instancePath+"/sla/first_response_minutes",schemaPath:"#/properties/sla/properties/first_response_minutes/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/sla/first_response_minutes",schemaPath:"#/properties/sla/properties/first_response_minutes/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid22 = _errs105 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data42.ceiling_minutes !== undefined){
let data44 = data42.ceiling_minutes;
const _errs107 = errors;
if(errors === _errs107){
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 > 525600 || isNaN(data44)){
validate10.errors = [{instancePath:instancePath+"/sla/ceiling_minutes",schemaPath:"#/properties/sla/properties/ceiling_minutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data44 <= 0 || isNaN(data44)){
validate10.errors = [{instancePath:instancePath+"/sla/ceiling_minutes",schemaPath:"#/properties/sla/properties/ceiling_minutes/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/sla/ceiling_minutes",schemaPath:"#/properties/sla/properties/ceiling_minutes/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid22 = _errs107 === errors;
}
else {
var valid22 = true;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/sla",schemaPath:"#/properties/sla/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs102 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

