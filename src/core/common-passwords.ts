// The most common passwords, lower-cased: international leak lists, Chinese favourites (拼音 phrases, 520/1314 love
// numbers, QQ habits), keyboard walks, and the default passwords of devices and systems common in Chinese offices.
// The password rules refuse any of them whatever the letter case, even when the length and variety rules pass.

const LIST = `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 666666 888888 88888888 66666666 11111111
00000000 12341234 123321 654321 7654321 87654321 987654321 123654 147258 147258369 159357 159753 258369 321321
5201314 1314520 520520 521521 5211314 1234qwer qwer1234 qwerty qwertyui qwertyuiop qwerty123 qwerty1234 qwe123
qwe123456 123qwe 123qweasd qweasd qweasdzxc qweasdzxc123 1qaz2wsx 1qaz2wsx3edc 1qazxsw2 1q2w3e4r 1q2w3e4r5t
1q2w3e q1w2e3r4 q1w2e3r4t5 zaq12wsx zaq1xsw2 !qaz2wsx 1qaz!qaz 1qaz@wsx 1qaz@wsx3edc !qaz@wsx 1qaz2wsx#edc
2wsx3edc asdf1234 asdfghjkl asd123 asd123456 asdasd zxcvbnm zxcvbnm123 zxc123 zxc123456 zxcv1234 abc123 abc1234
abc12345 abc123456 abc123456789 abcd1234 abcd123456 abcd@1234 abc@123 abc@1234 abc@12345 abc@123456 abc!123
abc#123 abc123! abc123!@# abcdef abcdefg abcdefgh abcdef123 aa123456 aa123456789 aa112233 aa123123 aa12345678
a123456 a1234567 a12345678 a123456789 a111111 a1b2c3d4 a1b2c3 aaa111 aaaaaa aaaaaaaa aaa123456 1a2b3c4d 123456a
123456aa 12345678a 123456789a 123abc 123456abc 1234abcd password password1 password12 password123 password1234
password! password@123 passw0rd p@ssw0rd p@ssword p@ssw0rd1 p@ssw0rd123 p@55w0rd pa$$w0rd pa$$word passwd
passwd123 pass1234 pass@123 pass@word1 password@1 mypassword secret secret123 letmein letmein123 welcome
welcome1 welcome123 welcome@123 admin admin1 admin12 admin123 admin1234 admin12345 admin123456 admin@123
admin@1234 admin@12345 admin@123456 admin123! admin123!@# admin#123 admin!123 admin888 admin666 administrator
administrator1 root root123 root1234 root@123 root@1234 toor test test123 test1234 test@123 test@1234 test123456
guest guest123 user user123 user@123 system system123 system@123 manager manager123 super123 superman sa123456
oracle oracle123 mysql mysql123 postgres postgres123 huawei huawei123 huawei@123 huawei12#$ admin@huawei sangfor
sangfor123 sangfor@123 ruijie ruijie@123 h3c@123 h3capadmin hikvision hik12345 hik12345+ zte@123 tplink netadmin
cisco cisco123 cisco@123 iloveyou iloveyou1 iloveyou123 loveyou love1314 love5201314 lovelove monkey dragon
master sunshine princess football baseball shadow michael jennifer charlie batman trustno1 whatever freedom
hello123 hello1234 hello@123 hellokitty computer internet starwars killer jordan23 access flower google changeme
changeme123 default woaini woaini1314 woaini520 woaini123 woaini1234 woaini123456 woaini521 woaini5201314
woaiwojia woaimama woaibaba wodemima mima mima123 mima1234 mima123456 aini1314 aini520 ai1314520 5201314a
520131400 qq123456 qq5201314 qq1234567 qq666666 qq888888 qaz123 qaz123456 qazwsx qazwsx123 qazwsxedc
qazwsxedc123 wang123 wang123456 wang1234 zhang123 zhang123456 li123456 liu123456 chen123456 yang123456
zhao123456 huang123456 zhou123456 wu123456 wangwei zhangwei wangyang liwei zhongguo zhongguo123 china china123
china@123 beijing beijing123 beijing2008 shanghai shanghai123 xiaoming xiaoqiang tiantian nihao123 nihao wocao
wocao123 baobao baobei baobei520 baobei1314 laopo520 laogong520 haha123 hahaha jiayou zxcvbnm,./ 1qaz2wsx!
q123456 q1234567 q12345678 w123456 z123456 z123456789 x123456 zz123456 ww123456 yy123456 xx123456 qwe@123
qwe!123 qwer@1234 qwer!234 qwer1234! qwerty@123 asdf@1234 asd@123 asd@123456 zxc@123 zxc@123456 aa@123456
a@123456 abc.123 aaa@123 p@ss1234 pass1234! welcome@1 welcome1! test1234! admin123. admin.123 root123! 1234qwer!
1234abcd! zx123456 zx@123456 zhengxie zhengxie123 zhengxie@123 zx123456! zf123456 zf@123456 gov@123 gov123456
jielian jielian123 jielian@123 jielian2026 demo123 demo@123 demo1234 spring2026 summer2026 autumn2026 winter2026
2024@2024 2025@2025 2026@2026 admin2024 admin2025 admin2026 admin@2024 admin@2025 admin@2026 password2024
password2025 password2026 qwer@2026 abc@2026
`;

/** The deny list as a set of lower-cased passwords (404 entries). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
